"""The strategy map puts linked objectives near each other, so arrows cross less."""

from egov_bsc_xl.deck.strategy_map import _order_lanes
from egov_bsc_xl.model import Objective


def crossings(lanes, objectives):
    pos = {o.id: i for members in lanes.values() for i, o in enumerate(members)}
    links = [(o.id, t) for o in objectives for t in o.supports]
    return (
        sum(1 for a, b in links for c, d in links if (pos[a] - pos[c]) * (pos[b] - pos[d]) < 0) // 2
    )


def test_crossing_links_are_uncrossed_and_the_order_is_stable():
    objectives = [
        Objective(id="C1", perspective_id="P1", name="c1"),
        Objective(id="C2", perspective_id="P1", name="c2"),
        Objective(id="C3", perspective_id="P1", name="c3"),
        Objective(id="L1", perspective_id="P2", name="l1", supports=["C3"]),
        Objective(id="L2", perspective_id="P2", name="l2", supports=["C2"]),
        Objective(id="L3", perspective_id="P2", name="l3", supports=["C1"]),
    ]
    table_order = {"P1": objectives[:3], "P2": objectives[3:]}
    assert crossings(table_order, objectives) == 3
    ordered = _order_lanes(["P1", "P2"], objectives)
    assert crossings(ordered, objectives) == 0
    assert sorted(o.id for o in ordered["P1"] + ordered["P2"]) == sorted(o.id for o in objectives)
    assert _order_lanes(["P1", "P2"], objectives) == ordered
