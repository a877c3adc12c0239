"""A week on the beat: several shifts on one street, where trust, promises and grudges carry over.

``model`` is the campaign file as data, ``loader`` reads and checks it,
``between`` is what the nights between days change, ``days`` builds each
day's scenario and seed, ``runner`` plays a campaign headless with a bot, and
``debrief`` sums up the week. docs/campaigns.md explains the format.
"""
