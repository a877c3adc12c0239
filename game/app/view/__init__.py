"""Drawing the world: the painted map through the camera, people, the HUD, the minimap, floaters."""
