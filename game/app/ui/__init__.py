"""The UI toolkit: fonts, text, colours, widgets, input mapping, sound and the player's settings.

Nothing here knows about a shift or a neighborhood; scenes and views build on it.
"""
