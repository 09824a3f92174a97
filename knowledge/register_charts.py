"""The register at a glance: partnerships per province (on a tile map of the nine provinces), by
level, by partner sector and by strategic thrust.

The same charts serve readers (public partnerships, bars linking to the filtered public list) and
editors (every partnership, bars linking to the filtered admin list). Counted by the database in
two queries whatever the size of the register.
"""

from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django.db.models import Count, Q

from knowledge.models import PartnershipParty
from knowledge.models.choices import Level
from portal.taxonomy import Province, Sector, StrategicThrust

# A tile map: each province on a grid in roughly its place, north at the top. It shows where
# partnerships are, not borders or areas, so every province is as easy to see and to select.
PROVINCE_TILES = {
    Province.LIMPOPO: (2, 0, "LP"),
    Province.NORTH_WEST: (1, 1, "NW"),
    Province.GAUTENG: (2, 1, "GP"),
    Province.MPUMALANGA: (3, 1, "MP"),
    Province.NORTHERN_CAPE: (1, 2, "NC"),
    Province.FREE_STATE: (2, 2, "FS"),
    Province.KWAZULU_NATAL: (3, 2, "KZN"),
    Province.WESTERN_CAPE: (1, 3, "WC"),
    Province.EASTERN_CAPE: (2, 3, "EC"),
}
TILE, GAP = 56, 4
# The darkest tile still keeps dark text at AA contrast (5:1 over the link colour at 60 %).
MIN_SHADE, MAX_SHADE = 0.08, 0.6


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str
    percent: int  # of the chart's largest count, for the bar's length


@dataclass(frozen=True)
class Tile:
    label: str
    abbreviation: str
    count: int
    url: str
    x: int
    y: int
    shade: float  # the tile's fill opacity: MIN_SHADE for none, MAX_SHADE for the most


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list[Bar]


@dataclass(frozen=True)
class RegisterCharts:
    total: int
    tiles: list[Tile]
    national: Bar
    charts: list[Chart]
    map_size: int = 4 * (TILE + GAP)
    tile_size: int = TILE


def _bars(counts: list[tuple[str, str, int]], link) -> list[Bar]:
    top = max((count for _, _, count in counts), default=0) or 1
    return [
        Bar(label, count, link(value), round(100 * count / top)) for value, label, count in counts
    ]


def register_charts(partnerships, link) -> RegisterCharts:
    """Charts of ``partnerships``; ``link(key, value)`` gives each bar's filtered list URL."""
    totals = partnerships.aggregate(
        total=Count("pk"),
        **{
            f"province_{value}": Count("pk", filter=Q(provinces__has=value))
            for value in Province.values
        },
        **{f"level_{value}": Count("pk", filter=Q(level=value)) for value in Level.values},
        **{
            f"thrust_{value}": Count("pk", filter=Q(thrusts__has=value))
            for value in StrategicThrust.values
        },
    )
    sectors = dict(
        PartnershipParty.objects.filter(partnership__in=partnerships.values("pk"))
        .values_list("organisation__sector")
        .annotate(n=Count("partnership", distinct=True))
        .order_by()
    )
    province_counts = {value: totals[f"province_{value}"] for value in Province.values}
    top = max((province_counts[p] for p in PROVINCE_TILES), default=0) or 1
    tiles = [
        Tile(
            label=Province(province).label,
            abbreviation=abbreviation,
            count=province_counts[province],
            url=link("province", province),
            x=x * (TILE + GAP),
            y=y * (TILE + GAP),
            shade=round(MIN_SHADE + (MAX_SHADE - MIN_SHADE) * province_counts[province] / top, 2),
        )
        for province, (x, y, abbreviation) in PROVINCE_TILES.items()
    ]

    return RegisterCharts(
        total=totals["total"],
        tiles=tiles,
        national=Bar(
            Province.NATIONAL.label,
            province_counts[Province.NATIONAL],
            link("province", Province.NATIONAL),
            100,
        ),
        charts=[
            Chart(
                "level",
                "By level",
                _bars(
                    [(v, label, totals[f"level_{v}"]) for v, label in Level.choices],
                    partial(link, "level"),
                ),
            ),
            Chart(
                "sector",
                "By partner sector",
                _bars(
                    [(v, label, sectors.get(v, 0)) for v, label in Sector.choices],
                    partial(link, "sector"),
                ),
            ),
            Chart(
                "thrust",
                "By strategic thrust",
                _bars(
                    [(v, label, totals[f"thrust_{v}"]) for v, label in StrategicThrust.choices],
                    partial(link, "thrust"),
                ),
            ),
        ],
    )


def filtered_link(base_url: str):
    """``link(key, value)`` for a list that reads its filters from the query string."""
    return lambda key, value: f"{base_url}?{urlencode({key: value})}"
