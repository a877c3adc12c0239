"""The debrief: plain debrief data for the game, the HTML after-action report and class exports.

No pygame here: charts are inline SVG, so a report is one self-contained file.

    from game.report.debrief import build_debrief     # for the in-game summary screen
"""
