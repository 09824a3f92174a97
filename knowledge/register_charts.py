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
# Tiles are wide enough for the province's full name, which is also each link's visible text.
PROVINCE_TILES = {
    Province.LIMPOPO: (2, 0),
    Province.NORTH_WEST: (1, 1),
    Province.GAUTENG: (2, 1),
    Province.MPUMALANGA: (3, 1),
    Province.NORTHERN_CAPE: (0, 2),
    Province.FREE_STATE: (1, 2),
    Province.KWAZULU_NATAL: (2, 2),
    Province.WESTERN_CAPE: (0, 3),
    Province.EASTERN_CAPE: (1, 3),
}
TILE_WIDTH, TILE_HEIGHT, GAP = 104, 52, 4
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
    glossary_anchor: str = ""  # the glossary entry that explains what is counted


@dataclass(frozen=True)
class RegisterCharts:
    total: int
    tiles: list[Tile]
    national: Bar
    charts: list[Chart]
    map_width: int = 4 * (TILE_WIDTH + GAP)
    map_height: int = 4 * (TILE_HEIGHT + GAP)
    tile_width: int = TILE_WIDTH
    tile_height: int = TILE_HEIGHT


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
            count=province_counts[province],
            url=link("province", province),
            x=x * (TILE_WIDTH + GAP),
            y=y * (TILE_HEIGHT + GAP),
            shade=round(MIN_SHADE + (MAX_SHADE - MIN_SHADE) * province_counts[province] / top, 2),
        )
        for province, (x, y) in PROVINCE_TILES.items()
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
                glossary_anchor="partnership-levels",
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
                glossary_anchor="strategic-thrusts",
            ),
        ],
    )


def filtered_link(base_url: str):
    """``link(key, value)`` for a list that reads its filters from the query string."""
    return lambda key, value: f"{base_url}?{urlencode({key: value})}"
