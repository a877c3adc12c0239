"""Workshop kiosk mode (`play --kiosk`): a captioned demo shift until someone touches the screen.

Residents and young people at a community workshop watch a bot officer work a
street, with captions saying what the officer does and why trust moves; a
touch hands the shift to them, and when they walk away the kiosk resets on
its own. Nothing they do is written to disk (``App.keeps_data`` is False).

- ``shell``: the top-level scene: hand-over, idle reset, swapping trainee screens for kiosk ones.
- ``guard``: the operator's way out (Escape held, or Ctrl+Shift+Q); ``dock``: touch buttons.
- ``attract``: the demo loop; ``captions``: the words under it.
- ``state``: what the kiosk scenes share; ``lineup``: which shipped neighborhoods it offers.
- ``picker`` and ``briefing``: the visitor's way in, with big touch targets.
"""
