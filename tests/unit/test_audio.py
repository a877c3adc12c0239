"""Synthesised cues and the sound manager, with the dummy audio driver and with no device at all."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import numpy as np
import pygame
import pytest

from game.app.ui import audio
from game.app.ui.audio import CUES, SoundManager, synthesize


@pytest.mark.parametrize("cue", CUES)
def test_cues_are_short_bounded_click_free_and_deterministic(cue: str) -> None:
    wave = synthesize(cue, 22050, seed=3)
    assert 0.02 < len(wave) / 22050 < 1.0
    assert np.max(np.abs(wave)) <= 1.0
    assert np.max(np.abs(wave)) > 0.1  # audible
    assert abs(wave[0]) < 0.01 and abs(wave[-1]) < 0.01  # soft ends: no click
    assert np.array_equal(wave, synthesize(cue, 22050, seed=3))


def test_unknown_cue_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown sound cue"):
        synthesize("explosion")
    with pytest.raises(ValueError):
        SoundManager(init_mixer=False).play("explosion")


@pytest.mark.parametrize(
    ("size", "channels", "dtype"),
    [(-16, 2, np.int16), (-16, 1, np.int16), (8, 1, np.uint8), (32, 2, np.float32)],
)
def test_samples_match_the_mixer_layout(size: int, channels: int, dtype: type) -> None:
    data = audio._to_mixer_format(synthesize("click"), size, channels)
    assert data.dtype == dtype
    assert data.shape[1:] == ((channels,) if channels > 1 else ())


def test_plays_with_the_dummy_audio_driver() -> None:
    manager = SoundManager(volume=0.5)
    if not manager.available:
        pytest.skip("this SDL build has no dummy audio driver")
    assert manager.play("positive") is True
    manager.set_volume(3.0)
    assert manager.volume == 1.0
    assert manager.toggle_mute() is True
    assert manager.play("call") is False  # muted
    manager.toggle_mute()
    manager.set_volume(0.0)
    assert manager.play("call") is False  # silent


def test_without_an_audio_device_everything_is_a_silent_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_device(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(pygame.mixer, "init", no_device)
    manager = SoundManager()
    assert manager.available is False
    for cue in CUES:
        assert manager.play(cue) is False
    manager.set_volume(0.2)
    manager.toggle_mute()
    assert manager.volume == 0.2 and manager.muted


def test_a_failure_while_building_sounds_also_leaves_it_silent(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise pygame.error("mixer not initialized")

    monkeypatch.setattr(pygame.mixer, "get_init", lambda: (44100, -16, 2))
    monkeypatch.setattr(pygame.sndarray, "make_sound", broken)
    manager = SoundManager()
    assert manager.available is False
    assert manager.play("door") is False
