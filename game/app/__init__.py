"""The pygame-ce front end: scenes, drawing, input and sound (reads the simulation, never owns it)."""
