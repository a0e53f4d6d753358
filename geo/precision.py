"""How many decimals coordinates and areas keep, defined once for every writer and display."""

# Degrees (WGS84 / GCJ-02). 1e-6 degree is about 0.1 m at 27 N: stored layers, exports,
# imported files and the site report keep this.
COORDINATE_DECIMALS = 6
# What the browser gets (web map, search, clicked points): 1e-5 degree is about 1 m here,
# invisible at county and township zoom.
WEB_DECIMALS = 5
# area_km2 of a layer's features, as the open-source build writes it.
AREA_DECIMALS = 3
