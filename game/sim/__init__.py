"""The pure simulation core: no pygame, no I/O, no wall clock.

Import what you need from the submodules (``game.sim.simulation.Simulation``,
``game.sim.actions``); this package file stays empty of imports so that
``import game.sim.actions`` costs nothing.
"""
