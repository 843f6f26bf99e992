"""The restriction store: another process's write is seen after its refresh period."""

from __future__ import annotations

from frontline.domain.restrictions import Restriction, RestrictionMode
from frontline.services import Services
from frontline.store.restrictions import RestrictionStore


def _only(record_id: str, *countries: str) -> Restriction:
    return Restriction(
        kind="documents",
        record_id=record_id,
        mode=RestrictionMode.ONLY,
        countries=frozenset(countries),
        owner="FRA",
    )


def test_a_write_by_another_process_is_seen_and_a_quiet_table_is_not_reread(
    services: Services,
) -> None:
    writer = RestrictionStore(services.engine, refresh_seconds=0)
    reader = RestrictionStore(services.engine, refresh_seconds=0)  # as in another process
    assert reader.withheld([("documents", "D-1")], "ITA") == set()
    writer.put(_only("D-1", "DEU"), set_by="bureau-FRA", now=services.clock())
    assert reader.withheld([("documents", "D-1")], "ITA") == {("documents", "D-1")}
    assert reader.withheld([("documents", "D-1")], "FRA") == set()  # the owner
    first = reader.current()
    assert reader.current() is first  # nothing written: the same dict, rows not read again
    writer.put(_only("D-1", "DEU", "ITA"), set_by="bureau-FRA", now=services.clock())
    assert reader.withheld([("documents", "D-1")], "ITA") == set()
    assert writer.remove("documents", "D-1", now=services.clock())
    assert reader.get("documents", "D-1") is None
    assert not writer.remove("documents", "D-1", now=services.clock())
