"""Named routes, race courses and segments of the demo athlete.

A route's ``use`` says which sessions may take it: ``run`` (easy runs and
workouts), ``long``, ``trail``, ``ride``, ``commute``, ``walk``, ``hike`` or
``race``. Race courses are loops of a given official distance drawn around a
centre; every other route follows named nodes from :mod:`places`. The tables are
text so that the catalogue reads like a list: one record per line, node lists
continued on indented lines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RouteDef:
    """A route: ``nodes`` for drawn routes, ``centre``/``metres`` for race loops."""

    key: str
    name: str
    use: str
    region: str
    nodes: tuple[str, ...] = ()
    weight: float = 1.0
    centre: tuple[float, float] | None = None
    metres: float = 0.0


@dataclass(frozen=True)
class SegmentDef:
    """A segment between two consecutive nodes of the routes that pass it."""

    id: int
    name: str
    activity_type: str
    start: str
    end: str
    starred: bool = False


# key | name | use | region | popularity | nodes
_ROUTE_TABLE = """
klarenbeek | Rondje Klarenbeek | run | arnhem | 0.6 |
    home klarenbeek gulden_bodem zypendaal home
sonsbeek | Sonsbeek loop | run | arnhem | 3 |
    home sonsbeekweg witte_villa sonsbeek_falls sonsbeek_north sonsbeek_west
    zypendaal home
bridges | Rhine bridges | run | arnhem | 2.5 |
    home centraal mandela_north mandela_south meinerswijk_east malburgen
    frost_south frost_north rijnkade_west korenmarkt sonsbeekweg home
museum | Openluchtmuseum loop | run | arnhem | 2 |
    home zypendaal gulden_bodem schelmseweg openluchtmuseum sonsbeek_north
    sonsbeek_falls witte_villa sonsbeekweg home
meinerswijk | Meinerswijk flats | run | arnhem | 2 |
    home centraal mandela_north mandela_south meinerswijk_west meinerswijk_lake
    meinerswijk_east mandela_south mandela_north home
papendal | Papendal & Schaarsbergen | run | arnhem | 1.5 |
    home klarenbeek schaarsbergen papendal marienbos mariendaal klarenbeek home
zijpenberg | Zijpenberg & Velp | run | arnhem | 1.2 |
    home sonsbeekweg witte_villa sonsbeek_falls sonsbeek_north rozendaal zijpenberg
    velp velperweg velperplein centraal home
westerbouwing | Oosterbeek & Westerbouwing | long | arnhem | 1 |
    home klarenbeek mariendaal oosterbeek hartenstein heveadorp westerbouwing
    oosterbeek_laag rijnoever mandela_north centraal home
long_posbank | Long run to the Posbank | long | arnhem | 1 |
    home sonsbeekweg witte_villa sonsbeek_falls sonsbeek_north rozendaal zijpenberg
    beekhuizen posbank rheden velp velperweg velperplein home
long_renkum | Renkum & Wolfheze long run | long | arnhem | 1 |
    home klarenbeek mariendaal oosterbeek heveadorp westerbouwing doorwerth heelsum
    renkum wolfheze papendal schaarsbergen gulden_bodem zypendaal home
long_veluwezoom | Veluwezoom long run | long | arnhem | 0.7 |
    home sonsbeekweg witte_villa sonsbeek_falls sonsbeek_north rozendaal zijpenberg
    beekhuizen posbank carolinaberg imbosch laag_soeren de_steeg rheden velp
    velperweg velperplein home
long_betuwe | Betuwe long run | long | arnhem | 1 |
    home centraal mandela_north mandela_south elst bemmel huissen malburgen
    frost_south frost_north korenmarkt home
trail_posbank | Posbank trail | trail | arnhem | 2 |
    posbank_parking herikhuizen carolinaberg onzalige_bossen beekhuizen posbank
    posbank_parking
trail_veluwezoom | Veluwezoom trail | trail | arnhem | 1 |
    rheden_station posbank herikhuizen carolinaberg imbosch laag_soeren
    steeg_forest rheden_station
trail_doorwerth | Doorwerth forest trail | trail | arnhem | 1.5 |
    westerbouwing doorwerth duno kabeljauw wolfheze hartenstein heveadorp
    westerbouwing
walk_sonsbeek | Sonsbeek walk | walk | arnhem | 2 |
    home sonsbeekweg witte_villa sonsbeek_west zypendaal home
walk_rijnkade | Rijnkade walk | walk | arnhem | 1 |
    home centraal rijnkade_west frost_north korenmarkt sonsbeekweg home
hike_veluwezoom | Veluwezoom hike | hike | arnhem | 1 |
    posbank_parking beekhuizen onzalige_bossen carolinaberg imbosch herikhuizen
    posbank posbank_parking
hike_hoge_veluwe | Hoge Veluwe hike | hike | arnhem | 1 |
    otterlo_entrance kroller_muller marchant sint_hubertus otterlo_entrance
ride_posbank | Posbank loop | ride | arnhem | 2 |
    home velperplein velperweg velp rheden posbank herikhuizen terlet schaarsbergen
    home
ride_veluwe | Hoge Veluwe loop | ride | arnhem | 1.5 |
    home schaarsbergen hoenderloo otterlo ede wageningen renkum heelsum oosterbeek
    klarenbeek home
ride_betuwe | Betuwe dikes | ride | arnhem | 1.5 |
    home centraal mandela_north mandela_south driel heteren randwijk zetten valburg
    elst huissen malburgen frost_south frost_north velperplein home
ride_ooij | Nijmegen & Ooijpolder | ride | arnhem | 1 |
    home centraal mandela_north mandela_south elst lent waalbrug ooij millingen
    pannerden doornenburg huissen malburgen frost_south frost_north velperplein
    home
ride_ijssel | Rijn & IJssel | ride | arnhem | 1 |
    home velperplein velperweg velp rheden de_steeg dieren doesburg angerlo
    zevenaar duiven westervoort malburgen frost_south frost_north velperplein home
ride_amerongen | Utrechtse Heuvelrug | ride | arnhem | 0.7 |
    home klarenbeek oosterbeek heelsum renkum wageningen rhenen amerongen
    amerongse_berg ede schaarsbergen home
commute_out | Commute to work | commute | arnhem | 1 |
    home centraal rijnkade_west frost_north frost_south malburgen ijsseloord
commute_home | Commute home | commute | arnhem | 1 |
    ijsseloord malburgen frost_south frost_north rijnkade_west centraal home
ny_central_park | Central Park loop | run | new_york | 2 |
    ny_hotel columbus_circle cp_south_east cp_east_72 cp_reservoir_east
    cp_north_east harlem_hill cp_west_100 cp_west_72 columbus_circle ny_hotel
ny_hudson | Hudson River Greenway | run | new_york | 1 |
    ny_hotel hudson_44 hudson_chelsea hudson_tribeca battery_park hudson_tribeca
    hudson_chelsea hudson_44 ny_hotel
ny_brooklyn | Brooklyn Bridge walk | walk | new_york | 1 |
    ny_hotel union_square city_hall bb_manhattan bb_brooklyn dumbo
ny_high_line | High Line walk | walk | new_york | 1 |
    ny_hotel high_line_north high_line_south union_square ny_hotel
tk_palace | 皇居ラン Imperial Palace loop | run | tokyo | 3 |
    tk_hotel wadakura babasakimon sakuradamon hanzomon chidorigafuchi takebashi
    otemachi tk_hotel
tk_sumida | Sumida River run | run | tokyo | 1 |
    tk_hotel nihonbashi ryogoku asakusa sumida_park asakusa ryogoku nihonbashi
    tk_hotel
tk_asakusa | Asakusa & Ueno walk | walk | tokyo | 1 |
    asakusa senso_ji ueno_park akihabara kanda tk_hotel
"""

# key | name | region | centre lat lng | official distance (m)
_RACE_TABLE = """
race_sonsbeek_5k | Sonsbeek 5K | arnhem | 51.9990 5.9060 | 5000
race_meinerswijk_5k | Meinerswijk zomeravond 5K | arnhem | 51.9700 5.8860 | 5000
race_stadsloop_10k | Arnhem Stadsloop 10K | arnhem | 51.9860 5.9050 | 10000
race_rijnkade_10k | Rijnkadeloop 10K | arnhem | 51.9770 5.8950 | 10000
race_zevenheuvelen_15k | Zevenheuvelenloop | nijmegen | 51.8120 5.9150 | 15000
race_veluwezoom_half | Veluwezoomloop halve marathon | arnhem | 52.0180 5.9950 | 21097.5
race_egmond_half | Egmond Halve Marathon | egmond | 52.6200 4.6350 | 21097.5
race_rotterdam | Rotterdam Marathon | rotterdam | 51.9160 4.4900 | 42195
race_amsterdam | TCS Amsterdam Marathon | amsterdam | 52.3500 4.8750 | 42195
race_nyc | TCS New York City Marathon | new_york | 40.7450 -73.9600 | 42195
"""

# id | name | activity type | start node, end node | starred
_SEGMENT_TABLE = """
4811302 | Sonsbeek Watervallen klim | Run | sonsbeek_falls sonsbeek_north | starred
4811977 | Zijpenberg ↑ | Run | rozendaal zijpenberg
5120044 | Rijnkade sprint | Run | frost_north rijnkade_west
5120310 | Nelson Mandelabrug | Run | mandela_north mandela_south
6033871 | Meinerswijk rechte stuk | Run | meinerswijk_west meinerswijk_lake | starred
6402118 | Westerbouwing trap | Run | heveadorp westerbouwing
7215560 | Schaarsbergen → Papendal | Run | schaarsbergen papendal
7990413 | Beekhuizen klim (trail) | Run | beekhuizen posbank
1544907 | Harlem Hill | Run | cp_north_east harlem_hill
9870021 | 桜田門 → 半蔵門 | Run | sakuradamon hanzomon
611203 | Posbank (Rheden) | Ride | rheden posbank | starred
1203118 | Lentse dijk → Waalbrug | Ride | lent waalbrug
2378654 | Hoenderloo & Otterlo | Ride | hoenderloo otterlo
2901337 | Dijk Heteren / Randwijk | Ride | heteren randwijk
3145870 | Amerongse Berg | Ride | amerongen amerongse_berg
3377129 | John Frostbrug 🚲 | Ride | frost_south frost_north
3908442 | Rheden → De Steeg | Ride | rheden de_steeg
"""


def _records(table: str) -> list[list[str]]:
    records: list[str] = []
    for line in table.strip().splitlines():
        if line.startswith(" ") and records:
            records[-1] += " " + line.strip()
        else:
            records.append(line)
    return [[field.strip() for field in record.split("|")] for record in records]


def _route(fields: list[str]) -> RouteDef:
    key, name, use, region, weight, nodes = fields
    return RouteDef(key, name, use, region, tuple(nodes.split()), float(weight))


def _race(fields: list[str]) -> RouteDef:
    key, name, region, centre, metres = fields
    lat, lng = (float(v) for v in centre.split())
    return RouteDef(key, name, "race", region, centre=(lat, lng), metres=float(metres))


def _segment(fields: list[str]) -> SegmentDef:
    ident, name, activity_type, nodes, *flags = fields
    start, end = nodes.split()
    return SegmentDef(int(ident), name, activity_type, start, end, bool(flags))


ROUTES: tuple[RouteDef, ...] = tuple(
    [_route(f) for f in _records(_ROUTE_TABLE)]
    + [_race(f) for f in _records(_RACE_TABLE)]
)
SEGMENTS: tuple[SegmentDef, ...] = tuple(_segment(f) for f in _records(_SEGMENT_TABLE))
