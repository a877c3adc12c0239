"""The trust model: per-resident familiarity and trust, contacts, word of mouth, decay.

Arrays are numpy so that per-tick work (presence, decay, word of mouth) is a
handful of vector operations regardless of how many residents live on the map.
The equations, and the research behind each, are written out in docs/trust-model.md;
the constants are game.tuning.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from game.scenario.model import Resident, Tie
from game.sim.ledger import DRIFT, WORD_OF_MOUTH, Source, TrustChange
from game.tuning import MINUTES_PER_DAY, Tuning

TRUST_MIN, TRUST_MAX = 0.0, 100.0
NEWS_EPSILON = 0.02  # trust points of pending news below which it is passed on at once


def drift_shares(minutes: float, tuning: Tuning) -> tuple[float, float]:
    """Share of the way back to their usual view trust drifts in ``minutes`` of calendar time,
    (above it, below it): a gain at ``decay_half_life_days``, a loss at ``loss_half_life_days``.

    The same rule inside a shift and over the nights between campaign days.
    """
    days = minutes / MINUTES_PER_DAY
    return (1.0 - 0.5 ** (days / tuning.decay_half_life_days),
            1.0 - 0.5 ** (days / tuning.loss_half_life_days))


def drift_share(above: np.ndarray, minutes: float, tuning: Tuning) -> np.ndarray:
    """``drift_shares`` for each resident: ``above`` says whose trust is above their usual view."""
    gain, loss = drift_shares(minutes, tuning)
    return np.asarray(np.where(above, gain, loss))


def clamp(values: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Trust held to 0..100: ``np.clip``'s result, without its Python wrapper, which costs more
    than the arithmetic on a street's worth of residents every tick."""
    held: np.ndarray = np.minimum(np.maximum(values, TRUST_MIN, out=out), TRUST_MAX, out=out)
    return held


class TrustModel:
    def __init__(
        self, residents: Sequence[Resident], ties: Sequence[Tie], index: dict[str, int],
        tuning: Tuning,
    ) -> None:
        self.tuning = tuning
        n = len(residents)
        self.trust = np.array([r.trust for r in residents], dtype=np.float64)
        self.baseline = self.trust.copy()
        self.start_trust = self.trust.copy()
        self.familiarity = np.zeros(n, dtype=np.float64)
        self.openness = np.array([r.openness for r in residents], dtype=np.float64)
        self.influence = np.array([r.influence for r in residents], dtype=np.float64)
        self._influence_total = float(self.influence.sum()) or 1.0
        self.news = np.zeros(n, dtype=np.float64)  # trust change not yet passed on by word of mouth
        self.ledger: list[TrustChange] = []
        self._build_ties(ties, index, n)
        self.word_of_mouth = np.zeros(len(self._edge_src), dtype=np.float64)  # received per edge
        self.drift = np.zeros(n, dtype=np.float64)  # decay toward baseline, summed
        self._scratch = np.zeros(n, dtype=np.float64)  # decay's working row, kept between ticks

    def _build_ties(self, ties: Sequence[Tie], index: dict[str, int], n: int) -> None:
        """Directed edges of the undirected tie graph, weights row-normalised.

        Row i holds how much resident i listens to each neighbour. Rows whose
        weights sum past 1 are scaled down to 1, so a very connected person
        hears an average, while a single weak tie stays weak.
        """
        src: list[int] = []
        dst: list[int] = []
        weight: list[float] = []
        for tie in ties:
            a, b = index[tie.a], index[tie.b]
            src += [a, b]
            dst += [b, a]
            weight += [tie.weight, tie.weight]
        self._edge_src = np.array(src, dtype=np.int64)
        self._edge_dst = np.array(dst, dtype=np.int64)
        w = np.array(weight, dtype=np.float64)
        row_sum = np.bincount(self._edge_dst, weights=w, minlength=n) if len(w) else np.zeros(n)
        scale = np.where(row_sum > 1.0, 1.0 / np.maximum(row_sum, 1e-12), 1.0)
        self._edge_weight = w * scale[self._edge_dst] if len(w) else w
        self._edge_spread = self.tuning.spread * self._edge_weight  # share passed on per edge

    # --- queries ------------------------------------------------------------------
    def neighborhood_trust(self) -> float:
        """T = Σ influence_i · t_i / Σ influence_i, on 0..100 (clamped: a weighted mean of
        residents all at 100 can round a hair above it)."""
        mean = float(self.influence @ self.trust) / self._influence_total
        return min(TRUST_MAX, max(TRUST_MIN, mean))

    def ties_of(self, resident: int) -> list[tuple[int, float]]:
        mask = self._edge_src == resident
        return list(zip(self._edge_dst[mask].tolist(), self._edge_weight[mask].tolist(), strict=True))

    # --- contacts -----------------------------------------------------------------
    def receptiveness(self, resident: int) -> float:
        """How much a good contact moves this resident, 1 for the reference first contact.

        Open people and people who know the officer take more from a good
        contact (openness 0.5 and familiarity 0 give exactly 1).
        """
        t = self.tuning
        openness = (t.openness_weight + self.openness[resident]) / (t.openness_weight + 0.5)
        known = (t.openness_floor + self.familiarity[resident]) / t.openness_floor
        return float(openness * known)

    def contact_delta(self, resident: int, quality: float) -> float:
        """Trust change a contact of ``quality`` (-1..1) would make, before clipping.

        Good contacts count in proportion to receptiveness; bad ones count
        ``asymmetry`` times a good reference contact, whoever you are to them
        (Skogan 2006).
        """
        t = self.tuning
        if quality >= 0:
            return t.gain * quality * self.receptiveness(resident)
        return t.gain * t.asymmetry * quality

    def contact(
        self, time: float, resident: int, quality: float, cause: str, source: Source,
        tags: tuple[str, ...] = (), *, through_car_window: bool = False, rushed: bool = False,
    ) -> TrustChange:
        return self.shift_directly(time, resident, self.contact_delta(resident, quality), cause,
                                   source, tags, through_car_window=through_car_window, rushed=rushed)

    def shift_directly(
        self, time: float, resident: int, delta: float, cause: str, source: Source,
        tags: tuple[str, ...] = (), *, through_car_window: bool = False, rushed: bool = False,
    ) -> TrustChange:
        """A change of known size (calls for service), recorded and spread like a contact."""
        before = self.trust[resident]
        after = min(TRUST_MAX, max(TRUST_MIN, before + delta))
        self.trust[resident] = after
        change = TrustChange(time, resident, float(after - before), cause, source, tags,
                             through_car_window=through_car_window, rushed=rushed)
        self.ledger.append(change)
        self.news[resident] += change.delta
        return change

    def add_familiarity(self, resident: int, amount: float) -> None:
        self.familiarity[resident] = min(1.0, self.familiarity[resident] + amount)

    def add_presence(self, residents: np.ndarray, amount: float) -> None:
        """Familiarity from being near ``residents`` (indices: the few within sight)."""
        familiarity = self.familiarity
        for i in residents.tolist():
            familiarity[i] = min(familiarity.item(i) + amount, 1.0)

    # --- per tick -------------------------------------------------------------------
    def step(self, dt: float) -> None:
        self._spread(dt)
        self._decay(dt)

    def _spread(self, dt: float) -> None:
        """Pass on a share of pending news along ties (one hop: gossip does not echo)."""
        if not len(self._edge_src):
            return
        pending = np.abs(self.news)
        if np.maximum.reduce(pending) <= 1e-9:  # the ufunc itself: .max()'s wrapper costs more
            return
        share = 1.0 - 0.5 ** (dt / self.tuning.word_of_mouth_half_life)
        # News too small to matter is passed on whole, so quiet ticks skip this work.
        released = np.where(pending < NEWS_EPSILON, self.news, self.news * share)
        self.news -= released
        per_edge = self._edge_spread * released[self._edge_src]
        received = np.bincount(self._edge_dst, weights=per_edge, minlength=len(self.trust))
        before = self.trust.copy()
        clamp(self.trust + received, out=self.trust)
        applied = self.trust - before
        # Attribute clipped amounts proportionally so the per-edge record sums to what happened.
        ratio = np.divide(applied, received, out=np.zeros(len(applied)), where=np.abs(received) > 1e-12)
        self.word_of_mouth += per_edge * ratio[self._edge_dst]

    def _decay(self, dt: float) -> None:
        gain, loss = drift_shares(dt, self.tuning)
        factor = np.where(self.trust >= self.baseline, gain, loss)
        # trust + (baseline - trust) * factor, in place: no new rows on a path run every tick.
        after = np.subtract(self.baseline, self.trust, out=self._scratch)
        np.multiply(after, factor, out=after)
        np.add(self.trust, after, out=after)
        # Clipped, because rounding can carry a step a hair past its baseline at 0 or 100.
        clamp(after, out=after)
        self.drift += np.subtract(after, self.trust, out=factor)
        self.trust[:] = after

    def summed_changes(self, time: float) -> list[TrustChange]:
        """Word of mouth (one record per listener and source) and drift toward baseline so far.

        These happen a little every tick; the debrief wants their totals.
        """
        out = [TrustChange(time, int(i), float(self.drift[i]), "drifted back toward old views",
                           DRIFT)
               for i in np.flatnonzero(np.abs(self.drift) >= 0.01)]
        for e in np.flatnonzero(np.abs(self.word_of_mouth) >= 0.01):
            out.append(TrustChange(
                time, int(self._edge_dst[e]), float(self.word_of_mouth[e]),
                "word of mouth", WORD_OF_MOUTH, via=int(self._edge_src[e]),
            ))
        return out
