"""Running one shift without drawing it: pacing, orders, reach, hot reload, the catalog, saving."""
