"""The screens of the game. Each is a Scene; each event or frame may hand over to the next."""
