"""The demo athlete's geography: Arnhem (NL), two trips abroad and race venues.

Coordinates are approximate positions of real landmarks (degrees). Routes are
sequences of named nodes so that routes sharing a stretch of road share its
nodes, which is what lets a segment be found on every route that passes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from athletiq_core.demo.geo import Hill, Terrain

NODES: dict[str, tuple[float, float]] = {
    # Arnhem and surroundings
    "home": (51.9906, 5.8932),
    "klarenbeek": (51.9893, 5.8822),
    "zypendaal": (51.9972, 5.8962),
    "sonsbeek_west": (51.9998, 5.9012),
    "sonsbeek_north": (52.0035, 5.9078),
    "sonsbeek_falls": (51.9982, 5.9092),
    "witte_villa": (51.9921, 5.9062),
    "sonsbeekweg": (51.9889, 5.9028),
    "centraal": (51.9853, 5.8986),
    "mandela_north": (51.9797, 5.8947),
    "mandela_south": (51.9732, 5.8928),
    "meinerswijk_west": (51.9718, 5.8702),
    "meinerswijk_lake": (51.9688, 5.8823),
    "meinerswijk_east": (51.9703, 5.8991),
    "malburgen": (51.9697, 5.9118),
    "frost_south": (51.9728, 5.9150),
    "frost_north": (51.9799, 5.9117),
    "rijnkade_west": (51.9786, 5.9021),
    "korenmarkt": (51.9822, 5.9050),
    "velperplein": (51.9838, 5.9128),
    "gulden_bodem": (52.0012, 5.8862),
    "schelmseweg": (52.0072, 5.8951),
    "openluchtmuseum": (52.0093, 5.9112),
    "rozendaal": (52.0043, 5.9634),
    "zijpenberg": (52.0072, 5.9829),
    "velp": (51.9957, 5.9758),
    "velperweg": (51.9885, 5.9352),
    "posbank": (52.0283, 6.0197),
    "posbank_parking": (52.0262, 6.0160),
    "rheden": (52.0108, 6.0302),
    "rheden_station": (52.0125, 6.0285),
    "beekhuizen": (52.0215, 5.9975),
    "herikhuizen": (52.0405, 6.0098),
    "carolinaberg": (52.0532, 6.0230),
    "onzalige_bossen": (52.0450, 5.9900),
    "imbosch": (52.0690, 6.0440),
    "laag_soeren": (52.0728, 6.0665),
    "de_steeg": (52.0192, 6.0618),
    "steeg_forest": (52.0350, 6.0550),
    "terlet": (52.0510, 5.9290),
    "schaarsbergen": (52.0152, 5.8655),
    "papendal": (52.0163, 5.8382),
    "marienbos": (52.0010, 5.8500),
    "mariendaal": (51.9866, 5.8672),
    "oosterbeek": (51.9866, 5.8445),
    "hartenstein": (51.9906, 5.8357),
    "heveadorp": (51.9778, 5.8093),
    "westerbouwing": (51.9760, 5.8136),
    "oosterbeek_laag": (51.9799, 5.8422),
    "rijnoever": (51.9772, 5.8601),
    "doorwerth": (51.9749, 5.7893),
    "duno": (51.9835, 5.7975),
    "kabeljauw": (51.9950, 5.7830),
    "heelsum": (51.9808, 5.7551),
    "renkum": (51.9773, 5.7332),
    "wolfheze": (52.0031, 5.7921),
    "elst": (51.9191, 5.8478),
    "bemmel": (51.8929, 5.8972),
    "huissen": (51.9378, 5.9392),
    "driel": (51.9601, 5.8166),
    "heteren": (51.9578, 5.7541),
    "randwijk": (51.9402, 5.7061),
    "zetten": (51.9262, 5.7141),
    "valburg": (51.9152, 5.7902),
    "lent": (51.8672, 5.8603),
    "waalbrug": (51.8492, 5.8645),
    "ooij": (51.8447, 5.9398),
    "millingen": (51.8651, 6.0478),
    "pannerden": (51.8958, 6.0402),
    "doornenburg": (51.8937, 6.0081),
    "dieren": (52.0518, 6.1007),
    "doesburg": (52.0128, 6.1388),
    "angerlo": (51.9921, 6.1301),
    "zevenaar": (51.9282, 6.0712),
    "duiven": (51.9468, 6.0203),
    "westervoort": (51.9578, 5.9701),
    "hoenderloo": (52.1181, 5.8781),
    "otterlo": (52.1003, 5.7722),
    "ede": (52.0402, 5.6651),
    "wageningen": (51.9692, 5.6642),
    "rhenen": (51.9591, 5.5718),
    "amerongen": (52.0031, 5.4598),
    "amerongse_berg": (52.0185, 5.4980),
    "ijsseloord": (51.9702, 5.9421),
    "otterlo_entrance": (52.0957, 5.7832),
    "kroller_muller": (52.0955, 5.8168),
    "marchant": (52.0818, 5.8305),
    "sint_hubertus": (52.1163, 5.8302),
    # New York
    "ny_hotel": (40.7580, -73.9855),
    "columbus_circle": (40.7681, -73.9819),
    "cp_south_east": (40.7665, -73.9745),
    "cp_east_72": (40.7720, -73.9680),
    "cp_reservoir_east": (40.7850, -73.9590),
    "cp_north_east": (40.7960, -73.9500),
    "harlem_hill": (40.7990, -73.9560),
    "cp_west_100": (40.7920, -73.9630),
    "cp_west_72": (40.7760, -73.9760),
    "hudson_44": (40.7627, -73.9995),
    "hudson_chelsea": (40.7480, -74.0085),
    "hudson_tribeca": (40.7200, -74.0125),
    "battery_park": (40.7035, -74.0170),
    "union_square": (40.7359, -73.9911),
    "city_hall": (40.7127, -74.0059),
    "bb_manhattan": (40.7115, -74.0020),
    "bb_brooklyn": (40.7010, -73.9910),
    "dumbo": (40.7033, -73.9881),
    "high_line_north": (40.7540, -74.0020),
    "high_line_south": (40.7398, -74.0080),
    # Tokyo
    "tk_hotel": (35.6812, 139.7671),
    "wadakura": (35.6840, 139.7620),
    "babasakimon": (35.6795, 139.7610),
    "sakuradamon": (35.6770, 139.7535),
    "hanzomon": (35.6840, 139.7440),
    "chidorigafuchi": (35.6905, 139.7460),
    "takebashi": (35.6905, 139.7575),
    "otemachi": (35.6870, 139.7640),
    "nihonbashi": (35.6840, 139.7740),
    "ryogoku": (35.6960, 139.7930),
    "asakusa": (35.7115, 139.7965),
    "sumida_park": (35.7140, 139.8010),
    "senso_ji": (35.7148, 139.7967),
    "ueno_park": (35.7148, 139.7740),
    "akihabara": (35.6984, 139.7731),
    "kanda": (35.6919, 139.7710),
}


@dataclass(frozen=True)
class Region:
    """Where a route lies: the IANA zone, the address Strava shows, the terrain."""

    key: str
    zone: str
    city: str
    state: str
    country: str
    terrain: Terrain


REGIONS = {
    region.key: region
    for region in (
        Region(
            "arnhem",
            "Europe/Amsterdam",
            "Arnhem",
            "Gelderland",
            "Netherlands",
            Terrain(
                10.0,
                (
                    Hill(52.031, 6.014, 118.0, 2000.0),
                    Hill(52.009, 5.982, 45.0, 900.0),
                    Hill(52.006, 5.905, 40.0, 2500.0),
                    Hill(52.035, 5.860, 55.0, 5000.0),
                    Hill(52.100, 5.820, 45.0, 9000.0),
                    Hill(51.9765, 5.8150, 45.0, 500.0),
                    Hill(51.990, 5.785, 30.0, 2500.0),
                    Hill(52.020, 5.495, 55.0, 2500.0),
                ),
                valley_lat=51.9735,
            ),
        ),
        Region(
            "nijmegen",
            "Europe/Amsterdam",
            "Nijmegen",
            "Gelderland",
            "Netherlands",
            Terrain(12.0, (Hill(51.790, 5.935, 70.0, 3500.0),)),
        ),
        Region(
            "rotterdam",
            "Europe/Amsterdam",
            "Rotterdam",
            "Zuid-Holland",
            "Netherlands",
            Terrain(-2.0, ()),
        ),
        Region(
            "amsterdam",
            "Europe/Amsterdam",
            "Amsterdam",
            "Noord-Holland",
            "Netherlands",
            Terrain(1.0, ()),
        ),
        Region(
            "egmond",
            "Europe/Amsterdam",
            "Egmond aan Zee",
            "Noord-Holland",
            "Netherlands",
            Terrain(4.0, (Hill(52.620, 4.640, 18.0, 900.0),)),
        ),
        Region(
            "new_york",
            "America/New_York",
            "New York",
            "NY",
            "United States",
            Terrain(12.0, (Hill(40.797, -73.955, 25.0, 900.0),)),
        ),
        Region(
            "tokyo",
            "Asia/Tokyo",
            "Chiyoda",
            "Tokyo",
            "Japan",
            Terrain(5.0, (Hill(35.686, 139.745, 25.0, 1500.0),)),
        ),
    )
}
