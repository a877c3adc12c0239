"""Short sound cues synthesised with numpy at start-up, and a player that never fails.

No sound files ship with the game: each cue is a few lines of arithmetic (a
tone, a chirp, a filtered noise burst) shaped by a short envelope with soft
ends so nothing clicks. ``SoundManager`` plays them at a master volume; when
there is no audio device (a kiosk, CI, an SSH session) it quietly becomes a
no-op instead of raising, because the game must run without sound.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import numpy as np
import pygame

log = logging.getLogger(__name__)

CUES = ("call", "positive", "negative", "door", "click", "radio")
FADE = 0.004  # seconds of fade in and out on every cue, so none of them clicks
# CD rate, signed 16-bit, stereo; a short buffer so a cue sounds as its event happens.
MIXER_FREQUENCY, MIXER_SIZE, MIXER_CHANNELS, MIXER_BUFFER = 44100, -16, 2, 512


def _time(rate: int, seconds: float) -> np.ndarray:
    return np.arange(int(rate * seconds), dtype=np.float64) / rate


def _envelope(n: int, rate: int, attack: float, decay: float) -> np.ndarray:
    """Linear attack, exponential decay (``decay`` seconds to about 1/e)."""
    t = np.arange(n) / rate
    attack_part = np.clip(t / max(attack, 1e-6), 0.0, 1.0)
    return attack_part * np.exp(-np.maximum(t - attack, 0.0) / decay)


def _soften_ends(wave: np.ndarray, rate: int) -> np.ndarray:
    k = min(len(wave) // 2, int(FADE * rate))
    if k:
        ramp = np.linspace(0.0, 1.0, k)
        wave[:k] *= ramp
        wave[-k:] *= ramp[::-1]
    return wave


def _tone(t: np.ndarray, freq: float | np.ndarray, harmonics: tuple[float, ...] = (1.0,)) -> np.ndarray:
    """Sine partials; ``freq`` may glide (an array), so phase is integrated, not multiplied."""
    dt = t[1] - t[0] if len(t) > 1 else 0.0
    phase = 2 * np.pi * np.cumsum(np.broadcast_to(freq, t.shape)) * dt
    wave = np.zeros_like(t)
    for k, amplitude in enumerate(harmonics):
        wave += amplitude * np.sin((k + 1) * phase)
    return wave


def _lowpass(x: np.ndarray, strength: int) -> np.ndarray:
    """Moving average: the cheapest low-pass there is, plenty for a thud."""
    kernel = np.ones(strength) / strength
    return np.convolve(x, kernel, mode="same")


def _call(rate: int) -> np.ndarray:
    """Two-tone alert, high-low twice: urgent without being a siren."""
    parts = []
    for freq in (880.0, 660.0, 880.0, 660.0):
        t = _time(rate, 0.11)
        parts.append(_tone(t, freq, (1.0, 0.3, 0.12)) * _envelope(len(t), rate, 0.006, 0.2))
        parts.append(np.zeros(int(rate * 0.025)))
    return np.concatenate(parts) * 0.5


def _positive(rate: int) -> np.ndarray:
    """A rising major arpeggio with a bell-like decay."""
    out = np.zeros(int(rate * 0.7))
    for i, freq in enumerate((784.0, 988.0, 1175.0)):  # G5, B5, D6
        start = int(rate * 0.085 * i)
        t = _time(rate, 0.7 - 0.085 * i)
        note = _tone(t, freq, (1.0, 0.0, 0.18)) * _envelope(len(t), rate, 0.004, 0.18)
        out[start : start + len(note)] += note
    return out * 0.4


def _negative(rate: int) -> np.ndarray:
    """A soft, low, falling tone: disappointing, never alarming."""
    t = _time(rate, 0.42)
    freq = np.linspace(233.0, 174.0, len(t))
    return _tone(t, freq, (1.0, 0.35, 0.1)) * _envelope(len(t), rate, 0.02, 0.22) * 0.55


def _door(rng: np.random.Generator, rate: int) -> np.ndarray:
    """Car door: a low thump under a short muffled burst of noise."""
    t = _time(rate, 0.22)
    thump = _tone(t, np.linspace(95.0, 55.0, len(t))) * _envelope(len(t), rate, 0.002, 0.05)
    noise = _lowpass(rng.uniform(-1, 1, len(t)), 24) * _envelope(len(t), rate, 0.001, 0.025) * 3.0
    latch = _tone(t, 1400.0) * _envelope(len(t), rate, 0.001, 0.006) * 0.15
    return (thump * 0.8 + noise + latch) * 0.6


def _click(rng: np.random.Generator, rate: int) -> np.ndarray:
    """UI click: a tiny tick, felt more than heard."""
    t = _time(rate, 0.035)
    tick = _tone(t, 2200.0) * _envelope(len(t), rate, 0.0005, 0.006)
    grit = rng.uniform(-1, 1, len(t)) * _envelope(len(t), rate, 0.0002, 0.002) * 0.3
    return (tick + grit) * 0.35


def _radio(rng: np.random.Generator, rate: int) -> np.ndarray:
    """Radio squelch: a burst of band-limited static and a quick rising chirp."""
    t = _time(rate, 0.26)
    static = rng.uniform(-1, 1, len(t))
    static = (static - _lowpass(static, 9)) * (t < 0.12) * _envelope(len(t), rate, 0.003, 0.08) * 0.5
    chirp_t = _time(rate, 0.08)
    chirp = _tone(chirp_t, np.linspace(1300.0, 2500.0, len(chirp_t)), (1.0, 0.2)) * _envelope(
        len(chirp_t), rate, 0.003, 0.04
    )
    out = static.copy()
    start = int(rate * 0.13)
    out[start : start + len(chirp)] += chirp * 0.5
    return out * 0.6


def synthesize(cue: str, rate: int = 44100, seed: int = 0) -> np.ndarray:
    """One cue as float samples in -1..1 (mono); deterministic for a seed."""
    rng = np.random.default_rng(seed)
    makers: dict[str, Callable[[], np.ndarray]] = {
        "call": lambda: _call(rate),
        "positive": lambda: _positive(rate),
        "negative": lambda: _negative(rate),
        "door": lambda: _door(rng, rate),
        "click": lambda: _click(rng, rate),
        "radio": lambda: _radio(rng, rate),
    }
    if cue not in makers:
        raise ValueError(f"unknown sound cue {cue!r}; expected one of {', '.join(CUES)}")
    wave = _soften_ends(np.asarray(makers[cue](), dtype=np.float64), rate)
    peak = float(np.max(np.abs(wave))) or 1.0
    return np.clip(wave / max(peak, 1.0), -1.0, 1.0)


def _to_mixer_format(wave: np.ndarray, size: int, channels: int) -> np.ndarray:
    """Convert float samples to the integer layout the mixer was opened with."""
    data: np.ndarray
    if size in (-16, 16):
        data = (wave * 32767).astype(np.int16) if size < 0 else ((wave + 1) * 32767.5).astype(np.uint16)
    elif size in (-8, 8):
        data = (wave * 127).astype(np.int8) if size < 0 else ((wave + 1) * 127.5).astype(np.uint8)
    elif size == 32:
        data = wave.astype(np.float32)
    else:
        data = (wave * 2147483647).astype(np.int32)
    if channels > 1:
        data = np.repeat(data[:, None], channels, axis=1)
    return np.ascontiguousarray(data)


class SoundManager:
    """Plays the cues at a master volume; silently does nothing when audio is unavailable."""

    def __init__(self, volume: float = 0.7, muted: bool = False, init_mixer: bool = True) -> None:
        self._volume = min(1.0, max(0.0, volume))
        self.muted = muted
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        if init_mixer:
            self._open()

    @property
    def available(self) -> bool:
        """True when there is a working mixer and the cues were built."""
        return bool(self._sounds)

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        self._volume = min(1.0, max(0.0, volume))

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def play(self, cue: str) -> bool:
        """Play a cue; returns whether anything was played. Unknown cue names are a bug and raise."""
        if cue not in CUES:
            raise ValueError(f"unknown sound cue {cue!r}; expected one of {', '.join(CUES)}")
        sound = self._sounds.get(cue)
        if sound is None or self.muted or self._volume <= 0.0:
            return False
        try:
            sound.set_volume(self._volume)
            return sound.play() is not None
        except pygame.error:
            return False

    def _open(self) -> None:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=MIXER_FREQUENCY, size=MIXER_SIZE, channels=MIXER_CHANNELS,
                                  buffer=MIXER_BUFFER)
            opened = pygame.mixer.get_init()
            if opened is None:  # init returned but no device is open
                return
            rate, size, channels = opened
            for index, cue in enumerate(CUES):
                samples = _to_mixer_format(synthesize(cue, rate, seed=index), size, channels)
                self._sounds[cue] = pygame.sndarray.make_sound(samples)
        except (pygame.error, AttributeError, NotImplementedError, TypeError, ValueError) as exc:
            log.info("sound disabled: %s", exc)
            self._sounds.clear()
