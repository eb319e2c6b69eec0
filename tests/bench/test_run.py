"""`make bench` reads every figure against the anchor of the same run and phase."""

from bench import run


def result(rps: float, *, errors: int = 0, rounds: list[float] | None = None) -> dict:
    return {"throughput_rps": rps, "errors": errors, "rounds_rps": rounds or [rps, rps]}


def phase(courses: int, *, personalized: float, anonymous: float, errors: int = 0) -> dict:
    results = {
        "anchor_healthz": result(200.0),
        "anchor_page": result(100.0),
        "healthz": result(150.0),
        "home_anonymous": result(anonymous),
        "home_personalized": result(personalized, errors=errors),
        "home_signed_in_declined": result(90.0),
    }
    return {"courses": courses, "results": results, "ratios": run.ratios(results)}


def test_every_figure_is_a_ratio_to_the_anchors_page_and_bare_healthz():
    ratios = phase(1_000, personalized=120.0, anonymous=300.0)["ratios"]

    assert ratios["home_personalized"]["to_anchor_page"] == 1.2
    assert ratios["home_anonymous"]["to_anchor_healthz"] == 1.5
    assert ratios["anchor_page"]["to_anchor_page"] == 1.0


def test_the_round_by_round_median_pairs_each_slice_with_the_anchor_of_its_own_round():
    results = {
        "anchor_healthz": result(100.0, rounds=[100.0, 100.0, 100.0]),
        "anchor_page": result(50.0, rounds=[20.0, 100.0, 30.0]),
        "home_personalized": result(50.0, rounds=[20.0, 100.0, 30.0]),
    }

    assert run.ratios(results)["home_personalized"]["to_anchor_page_round_median"] == 1.0


def test_targets_pass_only_when_every_ratio_holds_and_nothing_failed():
    good = [
        phase(1_000, personalized=110.0, anonymous=120.0),
        phase(100_000, personalized=100.0, anonymous=120.0),
    ]
    assert all(ok for _, ok, _ in run.check_targets(good))

    slow = [phase(1_000, personalized=90.0, anonymous=120.0), good[1]]
    assert not {label: ok for label, ok, _ in run.check_targets(slow)}[
        "signed-in personalized home >= 1.0x the anchor's naive page at 1,000"
    ]

    failed = [good[0], phase(100_000, personalized=100.0, anonymous=120.0, errors=1)]
    assert not run.check_targets(failed)[-1][1]

    slower_at_scale = [good[0], phase(100_000, personalized=80.0, anonymous=120.0)]
    assert not next(ok for label, ok, _ in run.check_targets(slower_at_scale) if "within 1.2x" in label)
