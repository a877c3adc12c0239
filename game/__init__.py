"""Front Porch: a community-policing training game."""

__version__ = "0.1.0"
