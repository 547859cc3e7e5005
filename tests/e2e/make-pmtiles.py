"""Writes the browser tests' PMTiles basemap (tests/e2e/archive.test.mjs).

    make-pmtiles.py <world-atlas countries-110m.json> <out.pmtiles>

Vector tiles in the Protomaps basemap layers that protomaps-leaflet's flavours
paint: `earth` (the land: Natural Earth's 1:110m countries from npm's
world-atlas) and `boundaries` (their outlines) at zooms 0-5 over the world,
and, around Toronto only (a story's launch slide, zoom 10), the same at zooms
6-10 plus a `roads` layer: a grid of synthetic highways, so the test can see
streets drawn. Encoded by PyPI's mapbox-vector-tile, gzipped, written by PyPI's
pmtiles (ensure_pmtiles_tools in scripts/setup.sh installs both).
"""

import gzip
import json
import math
import sys
import warnings

import mapbox_vector_tile
import numpy as np
import shapely
import shapely.affinity
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import write
from shapely.geometry import LineString, Polygon, box
from shapely.strtree import STRtree

# mapbox-vector-tile 2.2.0 still calls shapely.ops.transform, which shapely
# 2.1 deprecated: not this script's to fix.
warnings.filterwarnings("ignore", message=r".*shapely\.ops\.transform", category=DeprecationWarning)

WORLD_ZOOMS = range(0, 6)
CITY_ZOOMS = range(6, 11)
# Around Toronto: the story's launch slide is at (43.65, -79.38), zoom 10.
CITY = (-80.6, 43.0, -78.2, 44.3)  # west, south, east, north: a map at zoom 10 fits
STREET_CENTRE = (-79.38, 43.65)
MERCATOR_LAT = 85.0511287798
HALF = 20037508.342789244  # half the Web Mercator world, in metres


def project(geom):
    """Degrees to Web Mercator metres."""

    def mercator(coords):
        lat = np.clip(coords[:, 1], -MERCATOR_LAT, MERCATOR_LAT)
        y = np.log(np.tan(np.pi / 4 + np.radians(lat) / 2)) * HALF / np.pi
        return np.column_stack([coords[:, 0] * HALF / 180.0, y])

    return shapely.transform(geom, mercator)


def decode_topojson(path):
    """The countries of a TopoJSON file as shapely (multi)polygons in degrees."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    scale = topo.get("transform", {}).get("scale", [1, 1])
    translate = topo.get("transform", {}).get("translate", [0, 0])
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indices):
        points = []
        for i in indices:
            arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
            points.extend(arc if not points else arc[1:])
        return points

    def unwrapped(points):
        # Rings across the antimeridian jump from 180 to -180: made continuous
        # (past 180) here, cut back into the world below.
        out = points[:1]
        for lon, lat in points[1:]:
            while lon - out[-1][0] > 180:
                lon -= 360
            while lon - out[-1][0] < -180:
                lon += 360
            out.append((lon, lat))
        return out

    def polygon(rings):
        outer, *holes = [unwrapped(ring(r)) for r in rings]
        whole = Polygon(outer, holes).buffer(0)
        parts = [
            shapely.affinity.translate(whole.intersection(box(west, -90, west + 360, 90)), xoff=-offset)
            for west, offset in [(-180, 0), (180, 360), (-540, -360)]
        ]
        return shapely.union_all([p for p in parts if not p.is_empty]).buffer(0)

    shapes = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            shapes.append(polygon(geometry["arcs"]))
        elif geometry.get("type") == "MultiPolygon":
            shapes.append(shapely.union_all([polygon(r) for r in geometry["arcs"]]))
    return [s for s in shapes if not s.is_empty]


def tile_bounds(z, x, y):
    size = 2 * HALF / (1 << z)
    west = -HALF + x * size
    north = HALF - y * size
    return west, north - size, west + size, north


def tiles_over(z, west, south, east, north):
    n = 1 << z

    def column(lon):
        return min(n - 1, max(0, int((lon + 180.0) / 360.0 * n)))

    def row(lat):
        lat = max(-MERCATOR_LAT, min(MERCATOR_LAT, lat))
        r = math.radians(lat)
        return min(n - 1, max(0, int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)))

    for x in range(column(west), column(east) + 1):
        for y in range(row(north), row(south) + 1):
            yield x, y


def streets():
    """A grid of highways, 2 km apart, 10 km across, centred on the launch slide."""
    lon, lat = STREET_CENTRE
    step_lat = 0.018
    step_lon = 0.025
    lines = []
    for i in range(-2, 3):
        lines.append(LineString([(lon - 0.07, lat + i * step_lat), (lon + 0.07, lat + i * step_lat)]))
        lines.append(LineString([(lon + i * step_lon, lat - 0.05), (lon + i * step_lon, lat + 0.05)]))
    return [project(line) for line in lines]


def main(topojson_path, out_path):
    land = [project(shape) for shape in decode_topojson(topojson_path)]
    land_index = STRtree(land)
    roads = streets()
    tiles = {}

    def make(z, x, y, with_roads):
        west, south, east, north = tile_bounds(z, x, y)
        pad = (east - west) * 16 / 4096
        area = box(west - pad, south - pad, east + pad, north + pad)
        earth, outlines = [], []
        for i in land_index.query(area):
            shape = land[int(i)].intersection(area)
            if shape.is_empty:
                continue
            earth.append({"geometry": shape, "properties": {"kind": "earth"}})
            edge = land[int(i)].boundary.intersection(area)
            if not edge.is_empty:
                outlines.append({"geometry": edge, "properties": {"kind": "country", "kind_detail": 2}})
        layers = [
            {"name": "earth", "features": earth},
            {"name": "boundaries", "features": outlines},
        ]
        if with_roads:
            clipped = [r.intersection(area) for r in roads]
            layers.append({
                "name": "roads",
                "features": [{"geometry": r, "properties": {"kind": "highway"}} for r in clipped if not r.is_empty],
            })
        if not any(layer["features"] for layer in layers):
            return
        data = mapbox_vector_tile.encode(
            layers, default_options={"quantize_bounds": (west, south, east, north), "extents": 4096}
        )
        tiles[zxy_to_tileid(z, x, y)] = gzip.compress(data, mtime=0)

    for z in WORLD_ZOOMS:
        for x in range(1 << z):
            for y in range(1 << z):
                make(z, x, y, False)
    for z in CITY_ZOOMS:
        for x, y in tiles_over(z, *CITY):
            make(z, x, y, True)

    with write(out_path) as writer:
        for tile_id in sorted(tiles):
            writer.write_tile(tile_id, tiles[tile_id])
        writer.finalize(
            {
                "tile_type": TileType.MVT,
                "tile_compression": Compression.GZIP,
                "min_lon_e7": -1800000000,
                "min_lat_e7": -850511287,
                "max_lon_e7": 1800000000,
                "max_lat_e7": 850511287,
                "center_zoom": 0,
                "center_lon_e7": 0,
                "center_lat_e7": 0,
            },
            {
                "name": "Mapline test basemap",
                "attribution": "Natural Earth",
                "vector_layers": [
                    {"id": "earth", "fields": {"kind": "String"}},
                    {"id": "boundaries", "fields": {"kind": "String", "kind_detail": "Number"}},
                    {"id": "roads", "fields": {"kind": "String"}},
                ],
            },
        )
    print(f"{out_path}: {len(tiles)} tiles")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
