"""Every label of the user interface, in Chinese (default) and English."""

from typing import Literal

Lang = Literal["zh", "en"]
DEFAULT_LANG: Lang = "zh"
LANGS: tuple[Lang, ...] = ("zh", "en")

LABELS: dict[str, dict[Lang, str]] = {
    "app_title": {
        "zh": "衡东县“十四五”空间布局",
        "en": "Hengdong County 14th Five-Year Plan layout",
    },
    "app_caption": {
        "zh": "《衡东县国民经济和社会发展第十四个五年规划纲要》的城镇、生态与产业布局",
        "en": "Town system, ecology and industries of Hengdong's 14th Five-Year Plan outline",
    },
    "page_viewer": {"zh": "地图与乡镇", "en": "Map and townships"},
    "page_admin": {"zh": "数据管理", "en": "Data administration"},
    "language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "lang_zh": {"zh": "中文", "en": "中文"},
    "lang_en": {"zh": "English", "en": "English"},
    "basemap": {"zh": "底图", "en": "Basemap"},
    "custom_tile_url": {"zh": "自定义瓦片地址（XYZ）", "en": "Custom tile URL (XYZ)"},
    "custom_tile_help": {
        "zh": "内网瓦片服务的地址，须含 {z}、{x}、{y}，例如 http://tiles.local/{z}/{x}/{y}.png",
        "en": "Your intranet tile server, with {z}, {x} and {y}, "
        "e.g. http://tiles.local/{z}/{x}/{y}.png",
    },
    "custom_tile_invalid": {
        "zh": "瓦片地址须以 http:// 或 https:// 开头，并包含 {z}、{x}、{y}；暂不使用自定义底图。",
        "en": "The tile URL must start with http:// or https:// and contain {z}, {x} and {y}; "
        "the custom basemap is not used until it does.",
    },
    "township": {"zh": "乡镇", "en": "Township"},
    "township_help": {
        "zh": "输入中文名或拼音搜索，也可直接点击地图上的乡镇",
        "en": "Type a Chinese or pinyin name to search, or click a township on the map",
    },
    "whole_county": {"zh": "（全县）", "en": "(whole county)"},
    "industry": {"zh": "产业", "en": "Industry"},
    "industry_help": {
        "zh": "选择一个产业，地图上高亮承担它的乡镇（深色为重点，浅色为辐射带动或沿轴）",
        "en": "Pick an industry to highlight its townships (dark: centred, light: radiating)",
    },
    "no_industry": {"zh": "（不高亮）", "en": "(no highlight)"},
    "centred": {"zh": "重点（含副中心功能）", "en": "Centred (incl. sub-centre functions)"},
    "radiating": {"zh": "辐射、带动或沿轴导向", "en": "Radiating, driven or along an axis"},
    "shade_count": {"zh": "**{shade}**（{n}）：{names}", "en": "**{shade}** ({n}): {names}"},
    "tab_map": {"zh": "地图", "en": "Map"},
    "tab_compare": {"zh": "乡镇对比", "en": "Compare townships"},
    "tab_downloads": {"zh": "下载", "en": "Downloads"},
    "map_hint": {
        "zh": "在地图右上角的图层控件中开关各专题图层；点击乡镇查看详情。",
        "en": "Switch themes on and off in the map's layer control (top right); "
        "click a township for its page.",
    },
    "panel_pick": {
        "zh": "在左侧选择或在地图上点击一个乡镇，查看它在规划中的定位。",
        "en": "Pick a township on the left or click one on the map to see its role in the plan.",
    },
    "kind": {"zh": "类型", "en": "Kind"},
    "kind_镇": {"zh": "镇", "en": "Town (镇)"},
    "kind_乡": {"zh": "乡", "en": "Township (乡)"},
    "area_value": {"zh": "约 {value:.0f} 平方千米", "en": "about {value:.0f} km²"},
    "kind_area": {
        "zh": "类型：**{kind}** · 面积（约）：**{area}**",
        "en": "Kind: **{kind}** · Area (approx.): **{area}**",
    },
    "area_note": {
        "zh": "按村点划分的近似范围计算，非官方界线",
        "en": "from an approximate village-based boundary, not an official one",
    },
    "role": {"zh": "城镇体系中的定位", "en": "Role in the town system"},
    "axes": {"zh": "所在发展轴", "en": "Development axes"},
    "industries": {"zh": "产业", "en": "Industries"},
    "featured_towns": {"zh": "特色小镇", "en": "Featured towns"},
    "brands": {"zh": "品牌", "en": "Brands"},
    "ecology": {"zh": "生态要素", "en": "Ecological features"},
    "tourism": {"zh": "旅游", "en": "Tourism"},
    "parks": {"zh": "产业园区", "en": "Industrial parks"},
    "recognitions": {"zh": "荣誉称号", "en": "Recognitions"},
    "main_axis": {"zh": "（主轴）", "en": " (main axis)"},
    "axis_position": {"zh": "沿线第 {position} / {of} 个", "en": "stop {position} of {of}"},
    "route_stop": {
        "zh": "第 {position} / {of} 站：{stop}",
        "en": "stop {position} of {of}: {stop}",
    },
    "paren": {"zh": "（{text}）", "en": " ({text})"},
    "none_in_plan": {"zh": "规划中未涉及", "en": "not mentioned in the plan"},
    "citation": {"zh": "出处：{text}", "en": "Source: {text}"},
    "col_area_km2": {"zh": "面积（约，平方千米）", "en": "Area (approx., km²)"},
    "col_industries_centred": {"zh": "重点产业", "en": "Centred industries"},
    "col_industries_radiating": {"zh": "辐射/带动产业", "en": "Radiating / driven industries"},
    "col_industries_axis": {"zh": "副中心与沿轴导向", "en": "Sub-centre and axis industries"},
    "col_routes": {"zh": "旅游线路", "en": "Tourism routes"},
    "col_area_km2_exact": {"zh": "面积（平方千米）", "en": "Area (km²)"},
    "col_location": {"zh": "位置说明", "en": "Where"},
    "tab_township": {"zh": "乡镇详情", "en": "Township"},
    "tab_redline": {"zh": "生态保护红线", "en": "Ecological red line"},
    "redline_total": {"zh": "红线总面积（平方千米）", "en": "Total area (km²)"},
    "redline_share": {"zh": "占全县国土面积", "en": "Share of the county"},
    "redline_components": {"zh": "组成", "en": "Components"},
    "redline_types": {"zh": "按类型", "en": "By type"},
    "redline_no_polygon": {
        "zh": "开放数据中没有衡东县生态保护红线的范围面；地图上只按规划文字示意，"
        "管理员可在“数据管理”页导入官方数据替换。",
        "en": "No open data has the red-line polygons for Hengdong; the map only shows what the "
        "plan's text supports, and an administrator can load the official polygons on the "
        "data administration page.",
    },
    "compare_title": {"zh": "17 个乡镇对比", "en": "The 17 townships side by side"},
    "download_csv": {"zh": "下载对比表（CSV）", "en": "Download the table (CSV)"},
    "download_all_geojson": {
        "zh": "下载全部当前图层（GeoJSON，zip）",
        "en": "Download all current layers (GeoJSON, zip)",
    },
    "downloads_intro": {
        "zh": "当前提供的各图层（含管理员导入的版本），WGS84 坐标。",
        "en": "The layers currently served (admin-imported versions included), in WGS84.",
    },
    "layer": {"zh": "图层", "en": "Layer"},
    "quality": {"zh": "数据质量", "en": "Data quality"},
    "features": {"zh": "要素数", "en": "Features"},
    "version": {"zh": "版本", "en": "Version"},
    "attribution": {"zh": "数据来源", "en": "Attribution"},
    "col_name": {"zh": "名称", "en": "Name"},
    "col_pinyin": {"zh": "拼音", "en": "Pinyin"},
    "col_code": {"zh": "代码", "en": "Code"},
    # issue 12: infrastructure and key projects by kind
    "projects": {"zh": "基础设施与重点项目", "en": "Infrastructure and key projects"},
    "project_group_district": {"zh": "城区片区", "en": "Town districts"},
    "col_projects_kind": {"zh": "项目·{kind}", "en": "Projects: {kind}"},
    "open_list_note": {"zh": "等（名单未完）", "en": "and others (open list)"},
    # issue 13: printing (打印/导出图片, 乡镇图集); the sheets' own texts are geo/sheets/labels.py
    "print_button": {"zh": "打印/导出图片", "en": "Print / export image"},
    "print_atlas_button": {"zh": "乡镇图集（PDF）", "en": "Township atlas (PDF)"},
    "print_view": {"zh": "图幅内容", "en": "Sheet"},
    "print_view_county": {"zh": "全县", "en": "County"},
    "print_view_township": {"zh": "乡镇", "en": "Township"},
    "print_view_industry": {"zh": "产业布局", "en": "Industry"},
    "print_view_town-system": {"zh": "城镇体系", "en": "Town system"},
    "print_view_ecology": {"zh": "生态空间", "en": "Ecology"},
    "print_title_field": {"zh": "图名", "en": "Title"},
    "print_paper": {"zh": "纸张", "en": "Paper"},
    "print_orientation": {"zh": "方向", "en": "Orientation"},
    "print_portrait": {"zh": "纵向", "en": "Portrait"},
    "print_landscape": {"zh": "横向", "en": "Landscape"},
    "print_format": {"zh": "格式", "en": "Format"},
    "print_dpi": {"zh": "分辨率（DPI）", "en": "Resolution (DPI)"},
    "print_organisation": {"zh": "编制单位", "en": "Prepared by"},
    "print_basemap": {
        "zh": "打印当前底图（需能访问瓦片服务；默认不打印，离线可用）",
        "en": "Print the current basemap (needs its tile server; off by default, works offline)",
    },
    "print_approval": {"zh": "底图审图号", "en": "Basemap approval number (审图号)"},
    "print_make": {"zh": "生成预览", "en": "Make the sheet"},
    "print_drawing": {"zh": "正在出图……", "en": "Drawing…"},
    "print_download": {"zh": "下载", "en": "Download"},
    "print_atlas_make": {"zh": "生成图集（约半分钟）", "en": "Make the atlas (half a minute)"},
    "print_atlas_file": {"zh": "衡东县乡镇图集.pdf", "en": "hengdong-township-atlas.pdf"},
    # ---- issue 14: the planner's workspace (search, identify, measure, shared links) ----
    "search": {"zh": "搜索", "en": "Search"},
    "search_placeholder": {
        "zh": "乡镇、村、水库、景点、项目、产业或品牌（中文、拼音或首字母）",
        "en": "Township, village, reservoir, site, project, industry or brand (中文 or pinyin)",
    },
    "search_none": {"zh": "没有找到“{query}”", "en": "Nothing found for “{query}”"},
    "kind_township": {"zh": "乡镇", "en": "township"},
    "kind_village": {"zh": "村（社区）", "en": "village"},
    "kind_reservoir": {"zh": "水库", "en": "reservoir"},
    "kind_protected_area": {"zh": "保护区", "en": "protected area"},
    "kind_river": {"zh": "河流", "en": "river"},
    "kind_park": {"zh": "产业园区", "en": "industrial park"},
    "kind_site": {"zh": "景点", "en": "scenic spot"},
    "kind_featured_town": {"zh": "特色小镇", "en": "featured town"},
    "kind_route_stop": {"zh": "旅游线路站点", "en": "route stop"},
    "kind_project": {"zh": "项目", "en": "project"},
    "kind_district": {"zh": "城区片区", "en": "town district"},
    "kind_industry": {"zh": "产业", "en": "industry"},
    "kind_brand": {"zh": "品牌", "en": "brand"},
    "kind_seat": {"zh": "乡镇驻地", "en": "township seat"},
    "kind_county_seat": {"zh": "县城", "en": "county seat"},
    "kind_core": {"zh": "一核（县城）", "en": "the core (county seat)"},
    "kind_core_circle": {"zh": "半小时核心发展圈", "en": "half-hour core circle"},
    "kind_sub_centre": {"zh": "县域副中心", "en": "county sub-centre"},
    "kind_led": {"zh": "副中心带动乡镇", "en": "town led by a sub-centre"},
    "kind_axis": {"zh": "发展轴", "en": "development axis"},
    "kind_route": {"zh": "旅游线路", "en": "tourism route"},
    "kind_redline": {"zh": "生态保护红线", "en": "ecological red line"},
    "identify_title": {"zh": "地图要素", "en": "Map feature"},
    "identify_others": {"zh": "此处还有：{names}", "en": "Also here: {names}"},
    "identify_township": {"zh": "所在乡镇：{names}", "en": "Township: {names}"},
    "identify_quality": {"zh": "数据质量：{quality}", "en": "Data quality: {quality}"},
    "placement_village": {"zh": "按{village}中心点示意", "en": "shown at the centre of {village}"},
    "placement_township": {"zh": "仅知所在乡镇，按乡镇范围示意",
                           "en": "only the township is known: shown over it"},
    "placement_seat": {"zh": "示意：乡镇驻地", "en": "schematic: at the township seat"},
    "placement_seats_in_order": {"zh": "按规划顺序连接乡镇驻地",
                                 "en": "joins the township seats in the plan's order"},
    "placement_stops": {"zh": "连接已定位的站点", "en": "joins the located stops"},
    "placement_data": {"zh": "数据图层", "en": "from the data layer"},
    "placement_district": {"zh": "按河西新区近似位置示意（据其村点推算）",
                           "en": "at the approximate place of 河西新区 (from its villages)"},
    "placement_unplaced": {"zh": "规划未给出位置，未绘制", "en": "not placed by the plan"},
    "measure_distance": {"zh": "测距", "en": "Distance"},
    "measure_distance_help": {"zh": "在地图上依次点击各点，测量折线长度（椭球面距离）",
                              "en": "Click points on the map to measure a geodesic length"},
    "measure_area": {"zh": "测面", "en": "Area"},
    "measure_area_help": {"zh": "依次点击多边形的各顶点，测量面积（平方千米与亩）",
                          "en": "Click the corners of a polygon to measure its area (km², mu)"},
    "measure_clear": {"zh": "清除", "en": "Clear"},
    "measure_clear_help": {"zh": "结束测量并清除", "en": "Stop measuring and clear"},
    "measure_start": {"zh": "点击地图添加点", "en": "Click the map to add points"},
    "measure_area_start": {"zh": "至少点击三个顶点", "en": "Click at least three corners"},
    "measure_distance_result": {"zh": "距离", "en": "Distance"},
    "measure_area_result": {"zh": "面积", "en": "Area"},
    "mu": {"zh": "亩", "en": "mu (亩)"},
    "coords_hint": {"zh": "移动鼠标查看坐标", "en": "Move the pointer for coordinates"},
    "coords_gcj02": {"zh": "GCJ-02（高德显示坐标）", "en": "GCJ-02 (as 高德 shows it)"},
    "share_unknown": {
        "zh": "链接中的参数 {param}={value} 无法识别，已忽略。",
        "en": "The link's parameter {param}={value} is not known and was ignored.",
    },
    "panel_show": {"zh": "显示详情面板", "en": "Show the panel"},
    # issue 10: a damaged version store, runtime conditions
    "store_open_data": {
        "zh": "官方数据暂不可用，显示开放数据{layers}",
        "en": "Official data is unavailable for now; showing open data{layers}",
    },
    "store_layers": {"zh": "：{layers}", "en": ": {layers}"},
    "store_last_good": {
        "zh": "官方数据暂不可读，显示上次校验通过的版本{layers}",
        "en": "Official data cannot be read for now; showing the last verified version{layers}",
    },
    "missing_title": {
        "zh": "地图无法启动：缺少以下部分",
        "en": "The map cannot start: these pieces are missing",
    },
    "missing_fix": {"zh": "修复命令：", "en": "To fix, run:"},
    "store_recover": {
        "zh": "管理员请在服务器上运行 `python -m geo.admin check` 查看问题，"
        "再运行 `python -m geo.admin repair`（或 `repair --from 备份.sqlite`）恢复。",
        "en": "On the server, run `python -m geo.admin check` to see what is wrong, then "
        "`python -m geo.admin repair` (or `repair --from BACKUP.sqlite`) to recover.",
    },
    # issue 15: site check (选址初审)
    "tab_site": {"zh": "选址初审", "en": "Site check"},
    "site_intro": {
        "zh": "上传、粘贴或在地图上绘制项目场址，查看规划定位与生态保护红线情况。"
        "结果仅供初审参考。",
        "en": "Upload, paste or draw a project site to see what the plan and the red line say "
        "about it. A first check for reference only.",
    },
    "site_inputs": {"zh": "场址输入", "en": "The site"},
    "site_mode": {"zh": "场址来源", "en": "Site from"},
    "site_mode_upload": {"zh": "上传文件", "en": "Upload a file"},
    "site_mode_paste": {"zh": "粘贴坐标", "en": "Paste coordinates"},
    "site_mode_draw": {"zh": "地图绘制", "en": "Draw on the map"},
    "site_upload": {"zh": "场址文件", "en": "Site file"},
    "site_upload_help": {
        "zh": "GeoJSON、压缩的 Shapefile (.zip)、GeoPackage、KML、DXF（CAD），"
        "或每行一点的 .txt/.csv",
        "en": "GeoJSON, zipped Shapefile (.zip), GeoPackage, KML, DXF (CAD), or a .txt/.csv with "
        "one point a line",
    },
    "site_crs": {"zh": "坐标系", "en": "Coordinate system"},
    "site_crs_auto": {
        "zh": "按文件（DXF 按坐标推定）", "en": "As the file says (DXF: from the values)",
    },
    "site_crs_gcj02": {"zh": "GCJ-02（高德/腾讯坐标）", "en": "GCJ-02 (Amap / Tencent)"},
    "site_crs_help": {
        "zh": "文件没有坐标系信息时在此指定；EPSG:4526 为 3° 带第 38 带（带号），"
        "EPSG:4547 为中央经线 114°E（无带号），EPSG:4497/4508 为 6° 带第 19 带",
        "en": "For a file without a CRS: EPSG:4526 is the 3° zone 38 (with the zone number), "
        "EPSG:4547 CM 114°E (without), EPSG:4497/4508 the 6° zone 19",
    },
    "site_paste": {"zh": "界址点坐标（每行一点）", "en": "Boundary points (one a line)"},
    "site_paste_help": {
        "zh": "“经度,纬度”，或 CGCS2000 高斯坐标“X Y”（X 为北坐标，Y 为东坐标，可带带号）；"
        "可在前面写点号（J1）",
        "en": "'lon,lat', or CGCS2000 Gauss-Krüger 'X Y' (X northing, Y easting, with or without "
        "the zone number); a point name (J1) in front is allowed",
    },
    "site_as_line": {
        "zh": "这些点连成线（如道路中线）", "en": "The points form a line (e.g. a road)",
    },
    "site_draw_help": {
        "zh": "用地图左上角的绘制工具画点、线或面，然后点击“检查场址”。",
        "en": "Draw a point, line or polygon with the tools at the map's top left, then press "
        "'Check the site'.",
    },
    "site_zone": {"zh": "无带号时的分带", "en": "Zone when the easting has no zone number"},
    "site_zone_3-38": {"zh": "3° 带第 38 带（114°E）", "en": "3° zone 38 (114°E)"},
    "site_zone_6-19": {"zh": "6° 带第 19 带（111°E）", "en": "6° zone 19 (111°E)"},
    "site_zone_help": {
        "zh": "东坐标前带有带号（如 38402345.67）时按带号；否则按这里选择，报告会注明",
        "en": "An easting with its zone number in front (e.g. 38402345.67) names its zone; "
        "otherwise this one is used, and the report says so",
    },
    "site_buffer": {"zh": "缓冲宽度（米，线/点）", "en": "Buffer width (m, lines/points)"},
    "site_buffer_help": {
        "zh": "线状工程（道路、管线）两侧各延伸的宽度；0 表示不缓冲，只按长度统计",
        "en": "Width on each side of a line (road, pipeline); 0: no buffer, shares by length",
    },
    "site_nearby": {"zh": "附近规划项目范围（米）", "en": "Plan sites within (m)"},
    "site_run": {"zh": "检查场址", "en": "Check the site"},
    "site_nothing": {
        "zh": "请先上传文件、粘贴坐标或在地图上绘制场址。",
        "en": "Upload a file, paste coordinates or draw a site first.",
    },
    "site_rejected": {
        "zh": "无法检查该场址（未保存任何内容）：",
        "en": "The site cannot be checked (nothing was stored):",
    },
    "site_redline": {"zh": "生态保护红线", "en": "Ecological red line"},
    "site_townships": {"zh": "所在乡镇", "en": "Townships"},
    "site_col_share": {"zh": "占比", "en": "Share"},
    "site_col_mu": {"zh": "面积（亩）", "en": "Area (亩)"},
    "site_col_length": {"zh": "长度（米）", "en": "Length (m)"},
    "site_col_villages": {"zh": "最近的村（社区）点", "en": "Nearest village points"},
    "site_col_attributes": {"zh": "属性", "en": "Attributes"},
    "site_col_where": {"zh": "位置", "en": "Where"},
    "site_col_distance": {"zh": "距离", "en": "Distance"},
    "site_col_located": {"zh": "定位方式", "en": "Located by"},
    "site_col_citation": {"zh": "出处", "en": "Source"},
    "site_located_village_point": {"zh": "村点（近似）", "en": "village point (approx.)"},
    "site_located_township_area": {"zh": "仅到乡镇", "en": "township only"},
    "site_plan_of": {"zh": "规划定位：", "en": "The plan for"},
    "site_nearby_title": {"zh": "{km} km 内的规划项目与地点", "en": "Plan sites within {km} km"},
    "site_distances": {"zh": "距离", "en": "Distances"},
    "site_area": {"zh": "面积", "en": "Area"},
    "site_length_m": {"zh": "长度（米）", "en": "Length (m)"},
    "site_summary": {
        "zh": "{kind} · {km2} km² · 中心 {lon}°E, {lat}°N · 坐标系：{crs}",
        "en": "{kind} · {km2} km² · centre {lon}°E, {lat}°N · CRS: {crs}",
    },
    # --- accounts, login and audit (issue 11) ---
    "login_title": {"zh": "登录", "en": "Log in"},
    "login_name": {"zh": "账号", "en": "Account"},
    "login_password": {"zh": "密码", "en": "Password"},
    "login_submit": {"zh": "登录", "en": "Log in"},
    "login_failed": {"zh": "账号或密码错误。", "en": "Wrong account or password."},
    "login_wait": {
        "zh": "登录失败次数过多，请 {seconds} 秒后再试。",
        "en": "Too many failed logins: try again in {seconds} s.",
    },
    "login_locked": {
        "zh": "登录已暂时锁定（约 {minutes} 分钟），或请管理员解锁。",
        "en": "Logins are locked for about {minutes} min, or until an admin lifts the lock.",
    },
    "login_oidc": {"zh": "通过统一身份认证登录", "en": "Log in with the identity provider"},
    "login_oidc_authlib": {
        "zh": "统一身份认证需要 Authlib：在服务器上运行 pip install -r requirements-oidc.txt。",
        "en": "The identity provider login needs Authlib: pip install -r requirements-oidc.txt "
        "on the server.",
    },
    "login_oidc_unknown": {
        "zh": "身份认证通过，但 {name} 在本系统没有启用的账号，请联系管理员。",
        "en": "The identity provider knows {name}, but this app has no enabled account for it; "
        "ask an admin.",
    },
    "login_required": {
        "zh": "本系统要求登录后查看。",
        "en": "This deployment requires a login to view the map.",
    },
    "login_no_accounts": {
        "zh": "尚无账号：请在服务器上运行 `python -m geo.admin users add 姓名 --role admin` "
        "创建第一个管理员。",
        "en": "No accounts yet: create the first admin on the server with "
        "`python -m geo.admin users add NAME --role admin`.",
    },
    "login_bootstrap": {
        "zh": "共享管理密码（已弃用）：仅在创建第一个账号之前可用，日志中记为 bootstrap。",
        "en": "Shared admin password (deprecated): works only until the first account exists; "
        "audited as bootstrap.",
    },
    "login_bootstrap_ignored": {
        "zh": "已有账号，HENGDONG_ADMIN_PASSWORD（共享管理密码）已不再生效，请从配置中删除。",
        "en": "Accounts exist, so HENGDONG_ADMIN_PASSWORD (the shared admin password) no longer "
        "works: remove it from the configuration.",
    },
    "login_bootstrap_password": {"zh": "共享管理密码", "en": "Shared admin password"},
    "login_as": {"zh": "已登录：{name}（{role}）", "en": "Logged in: {name} ({role})"},
    "logout": {"zh": "退出登录", "en": "Log out"},
    "session_ended": {
        "zh": "您的会话已结束（密码或权限已更改，或账号已停用），请重新登录。",
        "en": "Your session has ended (password or role changed, or account disabled); "
        "log in again.",
    },
    "not_allowed": {"zh": "您的账号无权执行此操作。", "en": "Your account may not do this."},
    "viewer_only": {
        "zh": "您的账号（{role}）只能查看，不能更改数据。",
        "en": "Your account ({role}) can view but not change data.",
    },
    "role_viewer": {"zh": "查看者", "en": "viewer"},
    "role_editor": {"zh": "编辑者", "en": "editor"},
    "role_admin": {"zh": "管理员", "en": "admin"},
    "audit_title": {"zh": "操作日志（全部）", "en": "Audit log (everything)"},
    "audit_caption": {
        "zh": "登录、登录失败、锁定、退出、账号变更、导入、拒绝和回滚；只增不改。",
        "en": "Logins, failed logins, lockouts, logouts, account changes, imports, refusals "
        "and rollbacks; append-only.",
    },
    "audit_account": {"zh": "账号", "en": "Account"},
    "audit_action": {"zh": "操作", "en": "Action"},
    "audit_outcome": {"zh": "结果", "en": "Outcome"},
    "audit_layer": {"zh": "图层", "en": "Layer"},
    "audit_period": {"zh": "日期（UTC）", "en": "Dates (UTC)"},
    "audit_client": {"zh": "客户端地址", "en": "Client address"},
    "audit_time": {"zh": "时间 (UTC)", "en": "Time (UTC)"},
    "audit_version": {"zh": "版本", "en": "Version"},
    "audit_detail": {"zh": "详情", "en": "Detail"},
    "audit_count": {"zh": "{shown} / {total} 条", "en": "{shown} of {total} entries"},
    "audit_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "accounts_title": {"zh": "账号管理", "en": "Accounts"},
    "accounts_state": {"zh": "状态", "en": "State"},
    "accounts_layers": {"zh": "可编辑图层", "en": "Layers"},
    "accounts_all_layers": {"zh": "全部", "en": "all"},
    "accounts_role": {"zh": "角色", "en": "Role"},
    "accounts_created": {"zh": "创建时间", "en": "Created"},
    "accounts_enabled": {"zh": "启用", "en": "enabled"},
    "accounts_disabled": {"zh": "停用", "en": "disabled"},
    "accounts_locked": {"zh": "锁定", "en": "locked"},
    "accounts_oidc": {"zh": "统一身份认证", "en": "identity provider"},
    "accounts_add": {"zh": "新建账号", "en": "Add an account"},
    "accounts_name": {"zh": "账号名", "en": "Account name"},
    "accounts_password": {"zh": "初始密码", "en": "Initial password"},
    "accounts_oidc_only": {
        "zh": "不设本地密码（仅统一身份认证登录）",
        "en": "No local password (identity provider only)",
    },
    "accounts_layers_help": {
        "zh": "编辑者可导入和回滚的图层；不选为全部图层",
        "en": "Layers an editor may import and roll back; none chosen: all layers",
    },
    "accounts_create": {"zh": "创建", "en": "Create"},
    "accounts_created_ok": {"zh": "已创建账号 {name}。", "en": "Account {name} created."},
    "accounts_pick": {"zh": "选择账号", "en": "Account"},
    "accounts_new_password": {"zh": "新密码", "en": "New password"},
    "accounts_set_password": {"zh": "设置新密码", "en": "Set the new password"},
    "accounts_disable": {"zh": "停用", "en": "Disable"},
    "accounts_enable": {"zh": "启用", "en": "Enable"},
    "accounts_remove": {"zh": "删除", "en": "Remove"},
    "accounts_remove_confirm": {"zh": "确认删除此账号", "en": "Yes, remove this account"},
    "accounts_change_role": {"zh": "更改角色", "en": "Change the role"},
    "accounts_done": {"zh": "已完成：{what}", "en": "Done: {what}"},
    "accounts_locks": {"zh": "当前锁定", "en": "Locks in force"},
    "accounts_unlock": {"zh": "解除锁定", "en": "Lift the lock"},
    "accounts_lock_until": {"zh": "{key}（至 {until}）", "en": "{key} (until {until})"},
    "accounts_self": {
        "zh": "不能停用、删除或降级自己的账号。",
        "en": "You cannot disable, remove or demote your own account.",
    },
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The label `key` in `lang`, with `values` filled into its placeholders."""
    text = LABELS[key][lang]
    return text.format(**values) if values else text
