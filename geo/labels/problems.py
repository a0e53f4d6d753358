"""The words of validation findings (geo/admin, geo/site), looked up as "problem.<key>";
a key is the finding's code, or code.variant when one code has several wordings."""

LABELS: dict[str, dict[str, str]] = {
    "where_feature": {"zh": "要素 #{index}{named}", "en": "feature #{index}{named}"},
    "where_field": {"zh": "字段 {field}", "en": "field {field}"},
    # geo/admin/checks.py
    "field-alias": {
        "zh": "字段 {alias} 作为 {target} 使用",
        "en": "field {alias} used as {target}",
    },
    "geometry-converted": {
        "zh": "{count} 个只含一个点的 MultiPoint 已转为 Point（要素 {listed}）",
        "en": "{count} single-point MultiPoint geometries converted to Point (features {listed})",
    },
    "missing-value": {"zh": "缺少必填属性值", "en": "required value missing"},
    "no-features": {"zh": "文件中没有要素", "en": "the file holds no features"},
    "feature-count": {
        "zh": "该图层只能有 1 个要素，文件中有 {count} 个",
        "en": "this layer takes exactly 1 feature, the file has {count}",
    },
    "missing-field": {
        "zh": "缺少必填字段 {missing}（现有字段：{present}）",
        "en": "required field {missing} is missing (fields present: {present})",
    },
    "empty-geometry": {"zh": "几何为空", "en": "empty geometry"},
    "non-finite-coordinates": {
        "zh": "坐标中有 NaN 或无穷大",
        "en": "the coordinates contain NaN or infinity",
    },
    "wrong-geometry-type.multipoint": {
        "zh": "几何是含 {count} 个点的 {type}；该图层每个要素只能有一个点，请拆分为单点要素",
        "en": "geometry is a {type} of {count} points; this layer takes one Point per feature: "
        "split it",
    },
    "wrong-geometry-type": {
        "zh": "几何类型是 {type}，该图层只接受 {allowed}",
        "en": "geometry is a {type}; this layer takes {allowed}",
    },
    "invalid-geometry": {
        "zh": "几何无效（{reason}）；可生成修复版本（make_valid），需明确选择才会导入",
        "en": "invalid geometry ({reason}); a repaired version (make_valid) is offered "
        "and is imported only if you choose it",
    },
    "outside-county.far": {"zh": "要素远离衡东县", "en": "the feature lies far from 衡东县"},
    "outside-county": {
        "zh": "要素有 {share:.0%} 位于衡东县界（含 {tolerance:.0f} 米容差）之外",
        "en": "{share:.0%} of the feature lies outside 衡东县 (beyond a {tolerance:.0f} m "
        "tolerance)",
    },
    "unknown-township": {
        "zh": "“{name}”不是衡东县的 17 个乡镇之一（{known}）{hint}",
        "en": "'{name}' is not one of the 17 townships of 衡东县 ({known}){hint}",
    },
    "did_you_mean": {"zh": "；是否应为“{name}”？", "en": "; did you mean '{name}'?"},
    "duplicate-township": {
        "zh": "乡镇“{name}”重复出现",
        "en": "township '{name}' appears more than once",
    },
    "code-mismatch": {
        "zh": "代码 {code} 与乡镇“{name}”的代码 {expected} 不符",
        "en": "code {code} does not match township '{name}' ({expected})",
    },
    "missing-townships": {
        "zh": "缺少乡镇：{missing}（17 个乡镇须各出现一次）",
        "en": "townships missing: {missing} (all 17 must appear once)",
    },
    # geo/admin/consistency.py, derive.py, service.py
    "duplicate-feature.copy": {
        "zh": "与要素 #{first}（{name}）是完全相同的要素",
        "en": "an exact copy of feature #{first} ({name})",
    },
    "duplicate-feature": {
        "zh": "与要素 #{first}（{name}）是几何相同的要素",
        "en": "the same geometry as feature #{first} ({name})",
    },
    "and_more": {"zh": "（另有 {more} 处）", "en": " (and {more} more)"},
    "townships-overlap": {
        "zh": "乡镇边界重叠（容差 {tolerance} km²）：{listed}",
        "en": "townships overlap (tolerance {tolerance} km²): {listed}",
    },
    "townships-gap": {
        "zh": "县域内有乡镇未覆盖的空隙（容差 {tolerance} km²，相邻乡镇）：{listed}",
        "en": "parts of the county no township covers (tolerance {tolerance} km², next to): "
        "{listed}",
    },
    "seat-outside-township": {
        "zh": "驻地位于乡镇“{name}”边界外 {distance:.0f} 米",
        "en": "the seat lies {distance:.0f} m outside township '{name}'",
    },
    "seat-outside-township.current": {
        "zh": "现有乡镇驻地不在新边界内（容差 {tolerance:.0f} 米）：{listed}",
        "en": "current township seats lie outside the new boundaries (tolerance "
        "{tolerance:.0f} m): {listed}",
    },
    "implausible-county": {
        "zh": "县界面积 {area:.0f} km²，为现有县界的 {ratio:.2f} 倍，重合度 {overlap:.0%}"
        "（应在 {low}–{high} 倍之间、重合度至少 {min_overlap:.0%}）",
        "en": "the outline covers {area:.0f} km², {ratio:.2f} times the known county, "
        "overlapping it by {overlap:.0%} (must be {low}–{high} times and overlap at least "
        "{min_overlap:.0%})",
    },
    "outside-context-extent": {
        "zh": "要素超出衡东县周边范围（东经 111–115°、北纬 25.5–28.7°）",
        "en": "the feature reaches beyond the area around 衡东县 (111–115°E, 25.5–28.7°N)",
    },
    "seat-moved": {
        "zh": "乡镇驻地不在新边界内，改用边界内一点作为标注位置",
        "en": "the township seat is not inside the new boundary; a point inside is used "
        "for its label",
    },
    "unexpected": {
        "zh": "无法处理该文件（{said}）",
        "en": "the file cannot be processed ({said})",
    },
    "crs-assumed": {
        "zh": "文件没有坐标系信息，坐标位于衡东县，按 WGS84 经纬度读取",
        "en": "the file has no CRS; its coordinates lie in 衡东县 and are read as "
        "WGS84 longitude/latitude",
    },
    "crs-unsupported.declared": {
        "zh": "无法识别指定的坐标系 {crs}",
        "en": "unknown CRS {crs!r}: give 'gcj02' or an EPSG code such as EPSG:4547",
    },
    # geo/admin/readers.py
    "file-not-found": {
        "zh": "文件不存在或无法读取",
        "en": "the file does not exist or cannot be read",
    },
    "unsupported-type": {
        "zh": "不支持的文件类型 {suffix}；请上传 GeoJSON、压缩的 Shapefile (.zip) 或 GeoPackage",
        "en": "unsupported file type {suffix}; upload GeoJSON, a zipped Shapefile (.zip) "
        "or a GeoPackage",
    },
    "no_suffix": {"zh": "(无扩展名)", "en": "(none)"},
    "too-big": {
        "zh": "文件大小 {mb:.1f} MB 超过上限 {limit:.1f} MB（HENGDONG_ADMIN_MAX_MB）",
        "en": "file is {mb:.1f} MB, above the limit of {limit:.1f} MB (HENGDONG_ADMIN_MAX_MB)",
    },
    "too-big.unpacked": {
        "zh": "解压后超过上限 {limit:.1f} MB（HENGDONG_ADMIN_MAX_MB），无论压缩文件头如何声明",
        "en": "unpacks to more than the limit of {limit:.1f} MB (HENGDONG_ADMIN_MAX_MB), "
        "whatever the zip headers claim",
    },
    "z-dropped": {
        "zh": "坐标含高程（Z 值），已舍去，只保留平面位置",
        "en": "the coordinates carry heights (Z values); they were dropped, keeping the "
        "horizontal position",
    },
    "bad-encoding.geojson": {
        "zh": "文件不是 UTF-8 编码的文本；GeoJSON 必须用 UTF-8 保存",
        "en": "the file is not UTF-8 text; GeoJSON must be saved as UTF-8",
    },
    "gbk-encoding": {
        "zh": "该文件是 GBK（GB18030）编码；请另存为 UTF-8 编码的 GeoJSON，"
        "或上传带 .cpg 文件的压缩 Shapefile",
        "en": "this file is GBK (GB18030) encoded; save it as UTF-8 GeoJSON, or upload a zipped "
        "Shapefile with a .cpg file",
    },
    "unreadable": {"zh": "无法解析该文件：{said}", "en": "the file cannot be parsed: {said}"},
    "unreadable.geopackage": {
        "zh": "无法解析该 GeoPackage：{said}",
        "en": "the GeoPackage cannot be parsed: {said}",
    },
    "unreadable.zip": {"zh": "不是有效的 zip 压缩文件", "en": "not a valid zip archive"},
    "unreadable.no-shp": {"zh": "zip 中没有 .shp 文件", "en": "the zip archive holds no .shp file"},
    "unreadable.shapefile-parts": {
        "zh": "Shapefile 缺少 {missing} 文件",
        "en": "the shapefile lacks its {missing} file",
    },
    "no-single-layer": {
        "zh": "文件中有 {count} 个{what}（{listed}）；只能有一个，或其中一个命名为 {layer}",
        "en": "the file holds {count} {what} ({listed}); it must hold exactly one, "
        "or one named {layer}",
    },
    "what_layers": {"zh": "图层", "en": "layers"},
    "what_shapefiles": {"zh": "Shapefile", "en": "shapefiles"},
    "encrypted-member": {
        "zh": "zip 中的文件已加密；请上传未加密的压缩文件",
        "en": "the zip member is encrypted; upload an archive without a password",
    },
    "zip-method": {
        "zh": "zip 压缩方式 {method} 不受支持；请用标准 Deflate 重新压缩",
        "en": "zip compression {method} is not supported; re-zip it with standard Deflate",
    },
    "damaged-member.crc": {
        "zh": "zip 中的文件已损坏（校验和 CRC 不符）",
        "en": "the zip member is damaged (bad CRC)",
    },
    "damaged-member": {
        "zh": "zip 中的文件已损坏，无法解压",
        "en": "the zip member is damaged and cannot be unpacked",
    },
    "encoding-guessed": {
        "zh": "没有 .cpg 文件；属性文字按 {encoding} 编码读取",
        "en": "no .cpg file; attribute text read as {encoding}",
    },
    "bad-encoding": {
        "zh": "属性文字既不是 UTF-8 也不是 GBK 编码；请附上说明编码的 .cpg 文件",
        "en": "attribute text is neither UTF-8 nor GBK; add a .cpg file naming its encoding",
    },
    # geo/admin/crs.py
    "crs-conflict.gcj02": {
        "zh": "文件的坐标系是 {crs}，不是经纬度，不能按 GCJ-02 转换",
        "en": "the file's CRS is {crs}, not longitude/latitude, so it cannot be GCJ-02",
    },
    "crs-conflict": {
        "zh": "文件声明的坐标系 {crs} 与指定的 EPSG:{declared} 不一致",
        "en": "the file declares {crs}, which contradicts the EPSG:{declared} you gave",
    },
    "crs-unsupported.unpublished": {
        "zh": "坐标系 {crs} 基于{datum}，转换到 WGS84 需要未公开的本地转换参数，"
        "无法准确转换；请提供 CGCS2000 坐标（如 EPSG:4547）",
        "en": "CRS {crs} is on the {datum} datum, whose conversion to WGS84 needs "
        "local parameters that are not published; deliver CGCS2000 coordinates "
        "(e.g. EPSG:4547)",
    },
    "crs-unsupported.no-transformation": {
        "zh": "坐标系 {crs} 没有精度在 {limit:g} 米以内的公开转换；"
        "请提供 CGCS2000（如 EPSG:4547）或 WGS84 坐标",
        "en": "CRS {crs} has no published transformation to WGS84 good to {limit:g} m; "
        "deliver CGCS2000 (e.g. EPSG:4547) or WGS84 coordinates",
    },
    "crs-unsupported.unknown-epsg": {
        "zh": "未知的 EPSG 代码 {epsg}",
        "en": "unknown EPSG code {epsg}",
    },
    "outside-region": {
        "zh": "按 {read_as} 解读，坐标不在衡东县范围内；看起来像 {looks}",
        "en": "read as {read_as}, the coordinates are not in 衡东县; they look like {looks}",
    },
    "no-crs-outside": {
        "zh": "文件没有坐标系信息，且坐标不在衡东县范围内；看起来像 {looks}",
        "en": "the file has no CRS and the coordinates are not in 衡东县; they look like {looks}",
    },
    "looks_swapped_lonlat": {
        "zh": "纬度、经度顺序颠倒的经纬度",
        "en": "latitude/longitude with the axes swapped",
    },
    "looks_lonlat_elsewhere": {
        "zh": "经纬度，但位于 ({x:.3f}, {y:.3f})，不在衡东县",
        "en": "longitude/latitude, but at ({x:.3f}, {y:.3f}), not in 衡东县",
    },
    "looks_unknown_projected": {
        "zh": "未知的投影坐标（中心约 {x:.0f}, {y:.0f}）",
        "en": "an unknown projected CRS (centre about {x:.0f}, {y:.0f})",
    },
    "looks_crs": {"zh": "EPSG:{epsg}（{name}）", "en": "EPSG:{epsg} ({name})"},
    "looks_or": {"zh": "或", "en": " or "},
    "looks_flag_or": {"zh": " 或 ", "en": " or "},
    "looks_axes_swapped": {"zh": "（X/Y 轴颠倒）", "en": " with X/Y swapped"},
    "looks_xian_beijing_alike": {
        "zh": "（同分带的西安 80 / 北京 54 坐标看起来相同，但不接受：请索取 CGCS2000 坐标）",
        "en": " (Xian 1980 / Beijing 1954 coordinates of the same zone look alike but"
        " are not accepted: ask for CGCS2000)",
    },
    "looks_declare": {
        "zh": "；如确是该坐标系，请指定（命令行 {flags}）",
        "en": "; if so, declare it (CLI: {flags})",
    },
    # geo/site: a site to check (file, pasted coordinates, drawn shape)
    "empty-geometry.site": {"zh": "几何为空", "en": "the geometry is empty"},
    "too-many-vertices": {
        "zh": "几何有 {vertices} 个顶点，超过上限 {limit}",
        "en": "the geometry has {vertices} vertices, more than the limit of {limit}",
    },
    "bad-buffer": {
        "zh": "缓冲宽度须大于 0 米（现为 {buffer}）",
        "en": "the buffer width must be above 0 m (it is {buffer})",
    },
    "no-buffer": {
        "zh": "线状场址未给缓冲宽度：只按线长统计，不计面积",
        "en": "a line site without a buffer width: shares are by length, no area",
    },
    "invalid-geometry.unrepairable": {
        "zh": "几何无效（{reason}）{place}，且无法修复",
        "en": "invalid geometry ({reason}){place} that cannot be repaired",
    },
    "repaired": {
        "zh": "几何无效（{reason}）{place}；已按修复后的几何（make_valid）检查，"
        "可下载修复后的几何核对",
        "en": "invalid geometry ({reason}){place}; the repaired geometry (make_valid) was "
        "checked — download it to review",
    },
    "near_line": {"zh": "，位于第 {line} 行的点附近", "en": " near the point on line {line}"},
    "near_vertex": {"zh": "，位于第 {vertex} 个顶点附近", "en": " near vertex {vertex}"},
    "partly-outside": {
        "zh": "场址有 {share:.1%} 位于衡东县之外（{names}）；只检查县内部分",
        "en": "{share:.1%} of the site lies outside 衡东县 ({names}); only the part inside is "
        "checked",
    },
    "too-big.site": {
        "zh": "文件大小 {mb:.1f} MB 超过上限 {limit:.1f} MB（{env}）",
        "en": "the file is {mb:.1f} MB, above the limit of {limit:.1f} MB ({env})",
    },
    "unsupported-type.site": {
        "zh": "不支持的文件类型 {suffix}；可用 {accepted}",
        "en": "unsupported file type {suffix}; use {accepted}",
    },
    "no-features.site": {"zh": "文件中没有几何要素", "en": "the file holds no geometries"},
    "no-features.non-empty": {
        "zh": "文件中没有非空的几何要素",
        "en": "the file holds no non-empty geometry",
    },
    "axes-swapped.dxf": {
        "zh": "DXF 的 X 坐标（约 {x:.0f}）像是北坐标、Y 坐标（约 {y:.0f}）像是东坐标："
        "X/Y 轴颠倒；请在 CAD 中按 X=东坐标、Y=北坐标导出，或转换后再上传",
        "en": "the DXF's X (about {x:.0f}) looks like a northing and its Y (about {y:.0f}) "
        "like an easting: the axes are swapped; export with X = easting and Y = northing",
    },
    "crs-unknown": {
        "zh": "DXF 没有坐标系信息，其坐标（中心约 {x:.0f}, {y:.0f}）既不是衡东县的经纬度，"
        "也不是 CGCS2000 高斯-克吕格坐标；请指定坐标系（命令行 --crs EPSG:4526 等）",
        "en": "the DXF carries no CRS and its coordinates (centre about {x:.0f}, {y:.0f}) "
        "are neither longitude/latitude at 衡东县 nor CGCS2000 Gauss-Krüger; "
        "declare the CRS (CLI: --crs EPSG:4526 or another)",
    },
    "empty-geometry.skipped": {"zh": "几何为空，已跳过", "en": "empty geometry, skipped"},
    "parts-ignored": {
        "zh": "只检查文件中的{used}要素，忽略 {listed}（如注记、辅助线）",
        "en": "only the {used}s of the file are checked; ignored {listed} "
        "(annotations, construction lines)",
    },
    "outside-county.site": {
        "zh": "场址完全位于衡东县之外：距县界 {km:.2f} km，{names}",
        "en": "the site lies entirely outside 衡东县: {km:.2f} km from the county boundary, "
        "{names}",
    },
    "in_neighbours": {"zh": "位于{names}", "en": "in {names}"},
    "in_no_neighbour": {"zh": "不在任何相邻县区内", "en": "in none of its neighbours"},
    "no-coordinates": {
        "zh": "没有坐标：每行输入一个点（经度,纬度 或 X Y）",
        "en": "no coordinates: give one point a line (lon,lat or X Y)",
    },
    "too-many-vertices.points": {
        "zh": "共 {points} 个点，超过上限 {limit}",
        "en": "{points} points, more than the limit of {limit}",
    },
    "mixed-coordinates": {
        "zh": "第 {line} 行与第 {first} 行的坐标种类不同（经纬度与平面坐标混用）",
        "en": "line {line} is not the same kind of coordinate as line {first} "
        "(longitude/latitude mixed with projected X Y)",
    },
    "bad-line": {
        "zh": "第 {line} 行无法识别：{what}（{text}）",
        "en": "line {line} cannot be read: {what} ({text})",
    },
    "not_a_number": {"zh": "“{token}”不是数字", "en": "'{token}' is not a number"},
    "two_numbers": {
        "zh": "应为两个数，现有 {count} 个",
        "en": "expected two numbers, found {count}",
    },
    "axes-swapped.latlon": {
        "zh": "第 {line} 行像是“纬度,经度”顺序；请按“经度,纬度”输入",
        "en": "line {line} looks like latitude,longitude; give longitude,latitude",
    },
    "outside-region.lonlat": {
        "zh": "第 {line} 行的经纬度 ({lon}, {lat}) 不在衡东县附近",
        "en": "line {line}: longitude/latitude ({lon}, {lat}) is not near 衡东县",
    },
    "axes-swapped.gauss": {
        "zh": "第 {line} 行像是“Y X”（东坐标在前）；高斯坐标请按“X Y”输入，"
        "X 为北坐标（约 300 万），Y 为东坐标",
        "en": "line {line} looks like 'Y X' (easting first); give Gauss-Krüger "
        "pairs as 'X Y', X the northing (about 3 000 000), Y the easting",
    },
    "unknown-zone": {
        "zh": "第 {line} 行东坐标的带号 {zone} 不是衡东县所在的 3° 带第 38 带或 6° 带第 19 带",
        "en": "line {line}: zone number {zone} in front of the easting is neither the 3° zone "
        "38 nor the 6° zone 19 衡东县 lies in",
    },
    "mixed-zones": {
        "zh": "第 {line} 行的带号与第 {first} 行不同",
        "en": "line {line} has another zone number than line {first}",
    },
    "outside-region.northing": {
        "zh": "第 {line} 行的 X（北坐标）{x} 不在衡东县范围（约 2 900 000–3 100 000）",
        "en": "line {line}: X (northing) {x} is not at 衡东县 (about 2 900 000–3 100 000)",
    },
    "outside-region.zone": {
        "zh": "第 {line} 行的坐标按{zone}换算后不在衡东县{fits}",
        "en": "line {line}: read as the {zone}, the point is not in 衡东县{fits}",
    },
    "zone_fits": {
        "zh": "；按{zone}则在县内，请改选该分带",
        "en": "; as the {zone} it is, so pick that zone",
    },
}
