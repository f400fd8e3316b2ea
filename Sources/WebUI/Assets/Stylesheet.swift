import Domain
import Words

extension Assets {
    /// The whole site's stylesheet: phone first, printable, no web fonts (nothing leaves the box).
    static let css = """
    :root {
      --ink: #1d2733; --muted: #5c6b7a; --line: #d8e0e8; --paper: #ffffff; --ground: #f3f6f9;
      --brand: #1f5f8b; --brand-ink: #ffffff; --accent: #2e7d32; --warn: #b3261e; --soft: #e8f0f7;
      --radius: 10px;
      font-family: "DejaVu Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      color: var(--ink); background: var(--ground);
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; line-height: 1.45; font-size: 16px; }
    a { color: var(--brand); }
    a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
    .site-header { background: var(--brand); color: var(--brand-ink); }
    .site-header .inner { display: flex; align-items: center; gap: 12px; max-width: 1100px; margin: 0 auto; padding: 10px 16px; }
    .site-header a { color: var(--brand-ink); text-decoration: none; }
    .brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 18px; }
    .brand img { width: 32px; height: 32px; }
    .brand small { display: block; font-weight: 400; font-size: 13px; opacity: .85; }
    .site-header nav { margin-left: auto; display: flex; gap: 14px; flex-wrap: wrap; font-size: 15px; }
    form.inline { display: inline; margin: 0; }
    button.link { background: none; border: 0; padding: 0; min-height: 0; color: inherit; font: inherit; font-weight: 400; text-decoration: underline; cursor: pointer; }
    .site-header .who { opacity: .85; }
    nav.crumbs { max-width: 1100px; margin: 10px auto 0; padding: 0 16px; display: flex; gap: 14px; flex-wrap: wrap; font-size: 14px; }
    nav.crumbs a { color: var(--brand); }
    /* A timetable change shows only the fields of the chosen kind (all of them where :has is unknown). */
    @supports selector(:has(*)) {
      .tt-change .f { display: none; }
      .tt-change:has(option[value="substitution"]:checked) .f-teacher, .tt-change:has(option[value="replaced"]:checked) .f-teacher,
      .tt-change:has(option[value="replaced"]:checked) .f-subject, .tt-change:has(option[value="moved"]:checked) .f-move { display: block; }
    }
    .signin { max-width: 440px; margin: 32px auto; }
    .signin input { max-width: none; }
    .signin button { width: 100%; margin-top: 20px; }
    .form-error { background: #fdecea; border: 1px solid #f5c2bd; color: var(--warn); border-radius: 8px; padding: 10px 14px; margin: 12px 0; }
    .spaced { margin-top: 16px; }
    p.hint { margin: 4px 0 0; font-size: 14px; }
    form.search { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-end; }
    form.search > div { flex: 1 1 220px; }
    form.search button { margin-bottom: 2px; }
    /* People: classes, the class page, login slips. */
    .class-links ul { list-style: none; display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 0; padding: 0; }
    .class-links li a:first-child { font-weight: 700; }
    ul.people-list { margin: 4px 0; padding-left: 20px; }
    ul.people-list li { margin: 4px 0; }
    .person-card h2 { font-size: 17px; }
    .tools { display: flex; flex-wrap: wrap; gap: 8px; }
    .class-page section { scroll-margin-top: 12px; }
    .class-page h3 { font-size: 16px; margin: 18px 0 8px; }
    table.week-grid th, table.week-grid td { text-align: center; white-space: nowrap; }
    table.week-grid th[scope=row] { text-align: left; color: var(--ink); font-weight: 400; }
    table.week-grid .chosen { background: var(--soft); }
    table.week-grid td.out { background: repeating-linear-gradient(135deg, var(--ground) 0 4px, var(--paper) 4px 8px); }
    dl.facts { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 4px 16px; margin: 0 0 8px; }
    dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    @media (max-width: 640px) { dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; } dl.facts dd { margin-bottom: 6px; } }
    details.card > summary { cursor: pointer; list-style-position: inside; }
    details.card > summary h2 { display: inline; margin: 0; }
    fieldset.consent, fieldset.roles { border: 1px solid var(--line); border-radius: 8px; margin: 16px 0 0; padding: 4px 14px 12px; min-width: 0; }
    fieldset.consent legend, fieldset.roles legend { font-weight: 700; padding: 0 4px; }
    table.week-grid td { color: var(--warn); font-weight: 700; }
    form.reasons select { width: auto; max-width: 100%; padding: 6px 8px; }
    form.reasons tr.whole-day td { background: var(--soft); }
    details.closed-reasons summary { cursor: pointer; color: var(--muted); margin: 8px 0; }
    table.week-grid th[scope=row] { position: sticky; left: 0; background: var(--paper); z-index: 1; }
    @media (max-width: 640px) {
      form.reasons .table-wrap { border: 0; }
      form.reasons table, form.reasons tbody, form.reasons tr { display: block; width: 100%; }
      form.reasons thead { display: none; }
      form.reasons tr { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; margin-bottom: 8px; }
      form.reasons td { display: inline; border: 0; padding: 0 4px 0 0; }
      \(Language.allCases.map { language in
          let w = Words(language), scope = language == .russian ? "" : ":lang(\(language.rawValue)) "
          return (w.cssBellBefore.isEmpty ? "" : "\(scope)form.reasons tr:not(.whole-day) td:nth-child(2)::before { content: \"\(w.cssBellBefore)\"; }\n  ")
              + "\(scope)form.reasons tr:not(.whole-day) td:nth-child(2)::after { content: \"\(w.cssBellAfter)\"; }"
      }.joined(separator: "\n  "))
      form.reasons td:nth-child(4), form.reasons td:last-child { display: block; padding: 4px 0 0; }
      form.reasons tr.whole-day { background: var(--soft); }
      form.reasons tr.whole-day td { display: block; padding: 2px 0; }
    }
    fieldset.card { min-width: 0; }
    fieldset.card legend { float: left; width: 100%; font-weight: 700; font-size: 19px; padding: 0; margin: 0 0 4px; }
    fieldset.card legend + * { clear: both; }
    label.choice { font-weight: 400; display: flex; gap: 10px; align-items: baseline; margin: 10px 0; }
    label.choice input[type=radio] { width: 20px; height: 20px; flex: none; transform: translateY(4px); }
    table.members td:first-child { width: 2.5em; }
    table.members input[type=checkbox] { width: 20px; height: 20px; }
    .slip-confirm .counts { font-size: 18px; margin-top: 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .links { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
    .links a { display: block; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px; text-decoration: none; font-weight: 600; }
    .links a small { display: block; color: var(--muted); font-weight: 400; margin-top: 4px; }
    main { max-width: 1100px; margin: 0 auto; padding: 16px; }
    h1 { font-size: 24px; margin: 8px 0 16px; }
    h2 { font-size: 19px; margin: 20px 0 10px; }
    .card > h2:first-child { margin-top: 0; }
    .card { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px; margin-bottom: 16px; }
    .grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
    .stat { font-size: 32px; font-weight: 700; color: var(--brand); }
    .muted { color: var(--muted); }
    table { border-collapse: collapse; width: 100%; background: var(--paper); }
    th, td { border-bottom: 1px solid var(--line); padding: 8px 10px; text-align: left; vertical-align: top; }
    th { font-weight: 600; color: var(--muted); font-size: 14px; }
    .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); }
    .button, button { display: inline-block; background: var(--brand); color: var(--brand-ink); border: 0; border-radius: 8px;
      padding: 10px 18px; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; min-height: 44px; }
    .button.secondary, button.secondary { background: var(--soft); color: var(--brand); }
    label { display: block; font-weight: 600; margin: 12px 0 4px; }
    input, select, textarea { font: inherit; padding: 10px 12px; border: 1px solid #b9c6d3; border-radius: 8px; width: 100%; max-width: 420px; background: #fff; }
    .field-error { color: var(--warn); font-size: 14px; margin-top: 4px; }
    input[aria-invalid="true"] { border-color: var(--warn); }
    .notice { background: #fff8e1; border: 1px solid #f2d27a; border-radius: var(--radius); padding: 12px 16px; margin-bottom: 16px; }
    .error-page { text-align: center; padding: 48px 16px; }
    .error-page .code { font-size: 64px; font-weight: 800; color: var(--brand); margin: 0; }
    .error-page p { font-size: 18px; }
    .site-footer { max-width: 1100px; margin: 24px auto; padding: 0 16px; color: var(--muted); font-size: 13px; }

    /* Diary: phone first. */
    .diary h1 small { font-weight: 400; color: var(--muted); }
    nav.tabs, nav.periods, nav.children { display: flex; gap: 6px; flex-wrap: wrap; margin: 0 0 14px; }
    nav.tabs a, nav.periods a, nav.children a { padding: 8px 14px; border-radius: 999px; background: var(--soft); text-decoration: none; font-weight: 600; }
    nav.tabs a[aria-current], nav.periods a[aria-current], nav.children a[aria-current] { background: var(--brand); color: #fff; }
    .week-nav { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; }
    .week-nav .range { font-weight: 600; padding: 0 6px; }
    .day { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: 12px; overflow: hidden; }
    .day h2 { margin: 0; padding: 10px 14px; font-size: 17px; background: var(--soft); }
    .day.today { border-color: var(--brand); box-shadow: 0 0 0 2px rgba(31,95,139,.15); }
    .day > p { padding: 0 14px; }
    .pill { font-size: 12px; background: var(--brand); color: #fff; border-radius: 999px; padding: 2px 8px; vertical-align: middle; }
    ol.lessons { list-style: none; margin: 0; padding: 0; }
    li.lesson { display: grid; grid-template-columns: 56px 1fr auto; gap: 10px; padding: 10px 14px; border-top: 1px solid var(--line); }
    li.lesson .when b { display: block; font-size: 18px; }
    li.lesson .when small, .muted small { color: var(--muted); font-size: 12px; }
    li.lesson .subject { font-weight: 700; }
    li.lesson .topic { color: var(--muted); font-size: 15px; }
    li.lesson .homework { margin-top: 4px; font-size: 15px; }
    li.lesson .homework.own { color: var(--brand); }
    li.lesson.changed { background: #fff8e1; }
    li.lesson.cancelled .subject { text-decoration: line-through; }
    .change { font-weight: 600; font-size: 13px; color: #8a5300; background: #ffe8a3; border-radius: 6px; padding: 1px 6px; }
    .marks { display: flex; gap: 6px; align-items: flex-start; flex-wrap: wrap; justify-content: flex-end; }
    .mark { display: inline-flex; align-items: baseline; gap: 2px; min-width: 34px; justify-content: center; font-weight: 800; font-size: 18px;
      border-radius: 8px; padding: 4px 7px; color: #fff; }
    .mark small { font-size: 10px; font-weight: 600; }
    /* White on each at least 4.5:1 (WCAG AA), on the page and on a focused cell. */
    .m5 { background: #1b5e20; } .m4 { background: #527a1a; } .m3 { background: #946200; } .m2, .m1 { background: #c62828; }
    /* A pass teal, a fail red like a 2, not assessed and exempt grey: they never average. */
    .mp { background: #00796b; } .mf { background: #c62828; } .mx { background: #78909c; }
    .report-answer { max-width: 260px; font-size: 13px; text-align: left; border-left: 3px solid var(--line); padding-left: 6px; margin: 2px 0; }
    .report-answer p { margin: 2px 0; } .report-answer .state { font-style: italic; }
    .report-answer-form { display: grid; gap: 4px; margin-top: 6px; max-width: 360px; }
    form.ack { display: grid; gap: 4px; max-width: 420px; margin-bottom: 10px; }
    q.ack-message { font-size: 13px; color: var(--muted); }
    .absence { font-size: 13px; font-weight: 600; border-radius: 6px; padding: 3px 7px; background: #eceff1; color: #37474f; }
    /* Each reason its own colour: unexcused red, ill blue, excused neutral, late amber. */
    .absence.a-unexcused { background: #fdecea; color: #b3261e; } .absence.a-ill { background: #e3f2fd; color: #1565c0; }
    .absence.a-excused { background: #eceff1; color: #37474f; } .absence.a-late { background: #fff3e0; color: #8a5300; }
    li.lesson .homework .due { font-weight: 700; white-space: nowrap; }
    .remark { margin: 6px 0 0; padding: 6px 10px; border-radius: 8px; background: #fff3e0; font-size: 14px; }
    .remark.praise { background: #e8f5e9; }
    .subject-marks h2 { display: flex; justify-content: space-between; align-items: center; }
    .final { font-size: 14px; background: var(--soft); border-radius: 999px; padding: 2px 10px; }
    ul.chips { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 10px; }
    ul.chips li { position: relative; display: flex; flex-direction: column; align-items: center; gap: 2px; }
    ul.chips li small { color: var(--muted); font-size: 12px; }
    details.report summary { font-size: 12px; color: var(--muted); cursor: pointer; }
    details.report form { position: absolute; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px; max-width: 320px; z-index: 2; }
    .forecast { margin: 6px 0; }
    .formula { font-size: 14px; color: var(--muted); }
    table.finals td, table.finals th { text-align: center; padding: 6px 4px; }
    table.finals th[scope=row], table.finals thead th:first-child { text-align: left; }
    table.finals th[scope=row] { color: var(--ink); font-weight: 400; font-size: inherit; overflow-wrap: anywhere; hyphens: auto; }
    table.finals td, table.finals th[scope=row] { vertical-align: middle; }
    table.finals .mark { min-width: 28px; font-size: 16px; padding: 2px 6px; }
    ul.attendance, ul.acks { list-style: none; padding: 0; }
    ul.attendance li, ul.acks li { padding: 6px 0; }
    textarea { font: inherit; width: 100%; border: 1px solid #b9c6d3; border-radius: 8px; padding: 8px; }

    /* Kiosk: a hallway touch screen read from a metre away. */
    body.kiosk { background: #0f3550; color: #fff; font-size: 22px; min-height: 100vh; }
    html:has(> body.kiosk) { background: #0f3550; }
    /* 1920×1080: what the school says on the left, signing in with the keyboard on the right, no scrolling. */
    .kiosk-idle { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); grid-template-rows: auto auto minmax(0, 1fr); gap: 20px 40px;
      padding: 28px 48px; height: 100vh; overflow: hidden; align-content: start; max-width: none; }
    .kiosk-idle > section { grid-column: 1; }
    .kiosk-idle > .kiosk-signin { grid-column: 2; grid-row: 1 / span 2; align-self: start; }
    /* The school's announcements under the sign-in, beside the timetable changes. */
    .kiosk-idle > .kiosk-events { grid-column: 2; grid-row: 3; align-self: start; max-height: 100%; overflow-y: auto; scrollbar-color: rgba(255,255,255,.45) transparent; }
    .kiosk-idle > .kiosk-changes { align-self: start; max-height: 100%; overflow-y: auto; scrollbar-color: rgba(255,255,255,.45) transparent; }
    .kiosk-idle .kiosk-panel td { padding: 5px 6px; font-size: 20px; }
    .kiosk-change-list { list-style: none; margin: 0; padding: 0; }
    .kiosk-change-list li { break-inside: avoid; padding: 8px 0; border-bottom: 1px solid rgba(255,255,255,.18); }
    .kiosk-change-list .kind { color: #f2d27a; }
    .kiosk-idle h1 { font-size: 36px; margin: 0 0 8px; }
    .kiosk-clock { font-size: 96px; font-weight: 700; line-height: 1; letter-spacing: 2px; margin: 12px 0 4px; font-variant-numeric: tabular-nums; }
    .kiosk-date { font-size: 30px; opacity: .9; }
    .kiosk-panel { background: rgba(255,255,255,.08); border-radius: 16px; padding: 24px 28px; }
    .kiosk-panel h2 { font-size: 26px; margin: 0 0 12px; }
    .kiosk-panel table { background: transparent; color: #fff; }
    .kiosk-panel td, .kiosk-panel th { border-color: rgba(255,255,255,.18); font-size: 22px; padding: 8px 6px; color: #fff; }
    .kiosk-panel .now td { background: rgba(242,183,5,.25); }
    .kiosk-hint { grid-column: 1 / -1; font-size: 24px; opacity: .85; }
    .kiosk-unregistered { padding: 120px 56px; text-align: center; }
    .kiosk-unregistered h1 { font-size: 44px; }
    .kiosk-signin label { font-size: 22px; margin-top: 10px; }
    .kiosk-signin input { max-width: none; font-size: 28px; padding: 12px 16px; border-radius: 12px; letter-spacing: 1px; }
    .kiosk-signin .muted { color: rgba(255,255,255,.75); margin: 14px 0 0; }
    .kiosk-login { display: grid; grid-template-columns: 1fr 1fr auto; gap: 0 12px; align-items: end; }
    .kiosk-login p { grid-column: 1 / -1; }
    .kiosk-login label { grid-row: 2; }
    .kiosk-login input { grid-row: 3; }
    .kiosk-login button { grid-row: 3; }
    button.big { font-size: 26px; min-height: 64px; padding: 12px 32px; border-radius: 12px; }
    button.exit { background: #f2b705; color: #1d2733; }
    .osk { margin-top: 16px; user-select: none; }
    .osk-row { display: flex; gap: 8px; justify-content: center; margin-bottom: 8px; }
    .osk-key { flex: 0 1 60px; min-width: 52px; min-height: 60px; font-size: 26px; background: rgba(255,255,255,.14); color: #fff; border-radius: 10px; padding: 0 8px; }
    .osk-key.wide { flex: 0 1 auto; min-width: 120px; font-size: 22px; background: rgba(255,255,255,.24); }
    .osk-key.space { min-width: 200px; }
    .osk-key[aria-pressed="true"] { background: #f2b705; color: #1d2733; }
    .osk-key.done { background: #2e7d32; }
    .kiosk-diary { padding: 20px 40px; max-width: none; }
    /* A narrow screen (a kiosk turned upright, a phone): one column that scrolls. */
    @media (max-width: 900px) {
      .kiosk-idle { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; height: auto; overflow: visible; padding: 16px; }
      .kiosk-bar { flex-wrap: wrap; gap: 8px 16px; }
      .kiosk-idle > .kiosk-signin { grid-column: 1; grid-row: auto; }
      .kiosk-idle > * { min-width: 0; }
      .kiosk-idle h1 { font-size: 28px; }
      .kiosk-clock { font-size: 64px; }
      .kiosk-panel { padding: 14px 12px; }
      .kiosk-idle .kiosk-panel td, .kiosk-panel th { font-size: 18px; padding: 6px 4px; }
      .kiosk-signin input { font-size: 22px; min-width: 0; }
      .kiosk-login { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto; }
      .osk-row { flex-wrap: wrap; }
      .kiosk-diary { padding: 12px 16px; }
    }
    .kiosk-bar { display: flex; align-items: center; gap: 24px; margin-bottom: 12px; }
    .kiosk-bar div { flex: 1; }
    .kiosk-bar h1 { margin: 0; font-size: 34px; }
    .kiosk-bar p { margin: 4px 0 0; opacity: .85; }
    .kiosk-bar nav.children { margin: 0; }
    .countdown { font-size: 22px; }
    .kiosk-diary nav.tabs a, .kiosk-diary nav.periods a, .kiosk-diary nav.children a { font-size: 22px; padding: 10px 22px; }
    .kiosk-diary nav.tabs a:not([aria-current]), .kiosk-diary nav.periods a:not([aria-current]), .kiosk-diary nav.children a:not([aria-current]) { background: rgba(255,255,255,.9); }
    .kiosk-diary nav.tabs a[aria-current], .kiosk-diary nav.periods a[aria-current], .kiosk-diary nav.children a[aria-current] { background: #f2b705; color: #1d2733; }
    .kiosk-diary .week-nav .range { color: #fff; font-size: 22px; }
    .kiosk-diary .week-nav .button { font-size: 20px; min-height: 52px; padding: 12px 22px; }
    .kiosk-diary .diary { color: var(--ink); }
    .kiosk-diary .week { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
    .kiosk-diary .day { margin: 0; font-size: 16px; }
    .kiosk-diary li.lesson { grid-template-columns: 48px 1fr auto; gap: 8px; padding: 8px 10px; }
    .kiosk-diary .subject-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 10px; }
    .kiosk-diary .subject-list .card { margin: 0; padding: 12px 14px; }
    .kiosk-diary .subject-list h2 { font-size: 18px; margin-bottom: 6px; }
    .kiosk-diary .subject-list .forecast, .kiosk-diary .subject-list .muted { margin: 4px 0; font-size: 16px; }
    .kiosk-diary .subject-list details, .kiosk-diary .subject-list summary { font-size: 16px; }
    .kiosk-finals { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 12px; align-items: start; }
    .kiosk-finals .card { margin: 0; font-size: 18px; }
    .kiosk-finals table.finals th, .kiosk-finals table.finals td { font-size: 18px; padding: 4px 8px; }
    .kiosk-finals .absence { font-size: 17px; }

    /* The teacher's day, the lesson page and the journal grid. */
    .lessons { display: grid; gap: 8px; }
    .lesson-row { display: flex; gap: 12px; align-items: baseline; background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius);
      padding: 12px 16px; text-decoration: none; color: var(--ink); }
    .lesson-row:hover { border-color: var(--brand); }
    .lesson-row .n { font-weight: 800; font-size: 20px; color: var(--brand); min-width: 1.2em; }
    .lesson-row .t { color: var(--muted); min-width: 5.5em; }
    .lesson-row .what small { display: block; color: var(--muted); }
    .lesson-row.cancelled { opacity: .6; }
    .tag { display: inline-block; font-size: 12px; border-radius: 6px; padding: 1px 6px; background: var(--soft); color: var(--brand); }
    .tag.warn { background: #fdecea; color: var(--warn); } .tag.change { background: #fff3cd; color: #7a5a00; }
    .tag.ok { background: #e8f5e9; color: #1b5e20; } .lesson-row .filled .tag { margin: 2px 4px 0 0; }
    .notice.warn { background: #fdecea; border-color: #f5c2bd; } .notice.ok { background: #e8f5e9; border-color: #a5d6a7; }
    .lesson-content label, form.card label { display: block; margin-top: 10px; }
    .lesson-content input, .lesson-content textarea, form.card textarea { width: 100%; max-width: none; }
    table.entries td.mark-cell { white-space: nowrap; }
    table.entries .mark { min-width: 30px; font-size: 16px; color: #fff; border-radius: 6px; padding: 2px 6px; }
    table.entries .mark sub { font-size: 10px; margin-left: 2px; }
    input.narrow { width: 6em; }
    input[type=checkbox], input[type=radio] { width: auto; }
    table.audit td { font-size: 14px; }
    table.entries select { width: auto; max-width: 16em; padding: 6px 8px; }
    table.entries td { vertical-align: middle; }
    input.mark-input { padding: 6px 0; width: 2.6em; text-align: center; font-size: 18px; font-weight: 700; }
    .absence { color: var(--warn); }
    .small { font-size: 13px; } .praise { color: var(--accent); } .remark { color: var(--warn); }
    .journal-links { display: flex; flex-wrap: wrap; gap: 8px; }
    .journal-links a { display: block; padding: 8px 12px; border: 1px solid var(--line); border-radius: 8px; text-decoration: none; background: var(--paper); }
    .journal-links a.own { border-color: var(--brand); font-weight: 700; }
    .journal-links small { display: block; color: var(--muted); font-weight: 400; }
    main.journal { max-width: none; }
    .grid-tools { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; }
    .grid-tools .hint { color: var(--muted); font-size: 13px; }
    .grid-status { min-height: 1.4em; margin: 4px 0; font-size: 14px; } .grid-status.bad { color: var(--warn); } .grid-status.ok { color: var(--accent); }
    .grid-wrap { overflow-x: auto; }
    table.journal-grid { border-collapse: collapse; font-size: 14px; background: var(--paper); width: auto; }
    table.journal-grid th.name[scope=row] { color: var(--ink); font-weight: 400; }
    table.journal-grid span.m sub { font-size: 8px; font-weight: 600; margin-left: 1px; vertical-align: baseline; }
    table.journal-grid th, table.journal-grid td { border: 1px solid var(--line); padding: 2px 4px; text-align: center; min-width: 34px; height: 32px; }
    table.journal-grid th.name { text-align: left; white-space: nowrap; position: sticky; left: 0; background: var(--paper); z-index: 1; min-width: 180px; }
    table.journal-grid thead th.d a { text-decoration: none; font-weight: 600; font-size: 12px; writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; }
    table.journal-grid th.future, table.journal-grid th.cancelled { background: var(--ground); } table.journal-grid th.cancelled a { text-decoration: line-through; }
    table.journal-grid td:focus { outline: 3px solid #f2b705; outline-offset: -3px; background: #fffbe6; }
    table.journal-grid span.m { display: inline-block; min-width: 18px; color: #fff; border-radius: 4px; font-weight: 800; padding: 0 3px; margin: 1px; }
    table.journal-grid span.a { color: var(--warn); font-weight: 800; margin: 1px; }
    table.journal-grid td.avg { white-space: nowrap; font-weight: 700; }
    table.journal-grid td.out { background: repeating-linear-gradient(135deg, var(--ground) 0 4px, var(--paper) 4px 8px); }
    table.journal-grid small.enrolment { color: var(--muted); font-size: 11px; }
    table.journal-grid td.avg summary { cursor: pointer; }
    table.journal-grid .formula { font-weight: 400; font-size: 12px; text-align: left; white-space: normal; min-width: 220px; }
    table.journal-grid td.pm b.m { color: #fff; border-radius: 4px; padding: 0 6px; }
    table.journal-grid .forecast { display: block; color: var(--muted); font-size: 11px; }
    table.journal-grid.finals-grid td.pm { min-width: 56px; }
    table.finals.summary th[scope=row] { white-space: nowrap; overflow-wrap: normal; hyphens: none; }
    .grid-pad { position: fixed; left: 0; right: 0; bottom: 0; z-index: 5; display: flex; flex-wrap: wrap; justify-content: center; gap: 6px;
      padding: 8px; background: var(--paper); border-top: 1px solid var(--line); box-shadow: 0 -2px 8px rgba(0,0,0,.08); }
    .grid-pad[hidden] { display: none; }
    body:has(.grid-pad:not([hidden])) { padding-bottom: 140px; }
    .grid-pad button { min-width: 48px; min-height: 48px; font-size: 18px; padding: 0 10px; }
    /* The timetable: a week of a class or a teacher, days across, bells down; the groups of a class. */
    /* On a phone the week scrolls sideways inside its frame, the bells staying in view. */
    table.timetable-grid { table-layout: fixed; min-width: 780px; }
    table.timetable-grid th, table.timetable-grid td { border: 1px solid var(--line); padding: 4px 6px; }
    table.timetable-grid thead th { text-align: center; }
    table.timetable-grid thead th:first-child, table.timetable-grid th[scope=row] { width: 5.5em; }
    table.timetable-grid th[scope=row] { position: sticky; left: 0; background: var(--paper); z-index: 1; color: var(--ink); font-weight: 400; }
    table.timetable-grid th[scope=row] b { font-size: 18px; color: var(--brand); }
    table.timetable-grid th small { display: block; color: var(--muted); font-size: 12px; font-weight: 400; }
    table.timetable-grid th.chosen { background: var(--soft); color: var(--ink); }
    table.timetable-grid .entry { display: block; font-size: 14px; line-height: 1.3; padding: 4px 6px; border-radius: 6px; background: var(--soft);
      color: var(--ink); text-decoration: none; margin: 2px 0; overflow-wrap: break-word; }
    table.timetable-grid a.entry:hover { outline: 2px solid var(--brand); }
    table.timetable-grid .entry b, table.timetable-grid .entry span { display: block; }
    table.timetable-grid .entry .group { color: var(--brand); font-weight: 600; }
    table.timetable-grid .entry .room { color: var(--muted); }
    table.timetable-grid td.free { text-align: center; vertical-align: middle; }
    table.timetable-grid a.add { display: inline-block; min-width: 32px; min-height: 32px; line-height: 32px; border-radius: 6px; color: var(--muted);
      text-decoration: none; font-size: 20px; }
    table.timetable-grid a.add:hover, table.timetable-grid a.add:focus { background: var(--soft); color: var(--brand); }
    .timetable-form .fields { display: grid; gap: 0 16px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
    .timetable-form .fields .field-error { grid-column: 1 / -1; }
    .timetable .teacher-links ul, .timetable .class-links ul { list-style: none; display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 0; padding: 0; }
    section.kept h2 { font-size: 17px; margin: 0 0 6px; }
    section.kept ul { margin: 6px 0 0; padding-left: 20px; }
    .groups-subject h2 { margin-bottom: 4px; }
    table.group-members td, table.group-members th { vertical-align: middle; }
    table.group-members th[scope=row] { color: var(--ink); font-weight: 400; font-size: inherit; }
    fieldset.split-group { border: 1px solid var(--line); border-radius: 8px; min-width: 0; }
    fieldset.split-group legend { font-weight: 700; padding: 0 4px; }
    table.group-members td.choice { text-align: center; }
    table.group-members input[type=radio] { width: 22px; height: 22px; }
    .group-cards { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); margin: 8px 0 12px; }
    .group-cards form { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
    .group-cards h3 { margin: 0; font-size: 16px; }
    /* A phone: each student of the lesson page is a block with the name on top, nothing scrolls sideways. */
    @media (max-width: 640px) {
      table.entries thead, table.entries td:first-child { display: none; }
      table.entries, table.entries tbody, table.entries tr, table.entries td { display: block; }
      table.entries tr { padding: 8px 0; border-bottom: 1px solid var(--line); }
      table.entries td { border: 0; padding: 3px 0; }
      table.entries td:nth-child(2) { font-weight: 700; }
      table.entries td.mark-cell { white-space: normal; }
      table.journal-grid th.name { min-width: 0; max-width: 130px; overflow: hidden; text-overflow: ellipsis; }
    }
    @media (max-width: 640px) {
      .site-header .inner { flex-wrap: wrap; }
      .site-header nav { margin-left: 0; width: 100%; }
      main { padding: 12px; }
      h1 { font-size: 21px; }
      .kiosk-idle { grid-template-columns: 1fr; grid-template-rows: none; padding: 24px; height: auto; overflow: visible; }
      .kiosk-idle > .kiosk-signin { grid-column: 1; grid-row: auto; }
      .kiosk-change-list { columns: 1; }
      li.lesson { grid-template-columns: 44px 1fr; }
      li.lesson .marks { grid-column: 2; justify-content: flex-start; }
      table.finals { font-size: 14px; }
      table.finals .mark { min-width: 24px; font-size: 14px; padding: 1px 4px; }
    }
    /* The school's structure: tables whose rows are forms (fields tied by the form attribute), an add form below;
       on a phone each row is a block with each field under its name. */
    main.structure { max-width: 1300px; }
    main.structure nav.tabs { margin-bottom: 6px; }
    main.structure h1 small { font-weight: 400; color: var(--muted); font-size: 17px; }
    form.year-choice { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin: 0 0 12px; }
    form.year-choice label { margin: 0; }
    form.year-choice select { width: auto; }
    .links a small.count { color: var(--brand); font-weight: 600; }
    table.edit-table td { vertical-align: middle; }
    table.edit-table input, table.edit-table select { padding: 6px 8px; max-width: none; }
    table.edit-table input[type=date] { min-width: 10em; }
    table.edit-table input[type=time] { min-width: 7em; }
    table.edit-table input.narrow { width: 4.5em; }
    table.edit-table input.short { width: 8em; }
    table.edit-table td.grades input, table.edit-table td.class-name input, table.edit-table td.class-name select { width: 4.5em; display: inline-block; }
    table.edit-table td.grades, table.edit-table td.class-name { white-space: nowrap; }
    table.edit-table select { min-width: 8em; }
    table.edit-table td.class-name select { min-width: 0; }
    table.edit-table select[name=class_teacher], table.edit-table select[name=teacher], table.edit-table select[name=subject] { min-width: 14em; }
    table.edit-table td.actions, table.structure-table td.nowrap { white-space: nowrap; }
    table.edit-table td.wide input { min-width: 14em; }
    table.edit-table td.actions form { display: inline; margin: 0 4px 0 0; }
    table.edit-table td.actions button { min-height: 38px; padding: 6px 12px; }
    table.edit-table td.actions .field-error { white-space: normal; max-width: 22em; }
    table.edit-table input[type=checkbox] { width: 22px; height: 22px; }
    .add-form .fields { display: grid; gap: 0 14px; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); align-items: start; }
    .add-form label.choice { margin-top: 40px; }
    form.inline-add { border-top: 1px solid var(--line); margin-top: 12px; }
    form.inline-add h3, form.rename h3 { font-size: 16px; margin: 12px 0 0; }
    .narrow-table { max-width: 560px; }
    nav.class-choice a small { font-weight: 400; }
    section.outside-plan { border-color: #f2d27a; }
    @media (max-width: 640px) {
      .table-wrap:has(> table.edit-table) { border: 0; overflow: visible; }
      table.edit-table, table.edit-table tbody, table.edit-table tr, table.edit-table td { display: block; width: 100%; }
      table.edit-table thead { display: none; }
      table.edit-table tr { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px 10px; margin-bottom: 10px; }
      table.edit-table td { border: 0; padding: 4px 0; }
      table.edit-table td[data-label]::before { content: attr(data-label); display: block; font-size: 13px; font-weight: 600; color: var(--muted); margin-bottom: 2px; }
      table.edit-table input:not([type=checkbox]), table.edit-table select { width: 100%; }
      table.edit-table td.wide input, table.edit-table select { min-width: 0 !important; }
      table.edit-table td.grades input, table.edit-table td.class-name input, table.edit-table td.class-name select { width: 5em; }
      table.edit-table td.actions { padding-top: 8px; white-space: normal; }
      table.edit-table td.half { display: inline-block; width: 47%; vertical-align: top; }
      table.edit-table td.half + td.half { margin-left: 4%; }
      table.edit-table input[type=date], table.edit-table input[type=time] { min-width: 0; }
      main.structure nav.tabs a { padding: 6px 12px; }
    }
    figure.chart { margin: 12px 0; max-width: 640px; } figure.chart svg { width: 100%; height: auto; display: block; }
    figure.chart figcaption { font-size: 13px; color: var(--muted); }
    form.print-form { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 8px 4px 0; }
    @media print {
      body { background: #fff; font-size: 11pt; }
      .site-header, .site-footer, nav, button, .button, details.report { display: none !important; }
      .day { break-inside: avoid; }
      main { max-width: none; padding: 0; }
      .card, .table-wrap { border: 0; padding: 0; }
      a { color: inherit; text-decoration: none; }
    }
    /* Messages: the list of threads, a thread, the forms (issue 15). */
    ul.threads { list-style: none; margin: 0; padding: 0; }
    ul.threads li { padding: 10px 0; border-bottom: 1px solid var(--line); }
    ul.threads li:last-child { border-bottom: 0; }
    ul.threads li a { display: block; text-decoration: none; overflow-wrap: anywhere; }
    ul.threads li.unread a b { font-weight: 800; }
    ul.threads small { color: var(--muted); }
    .badge { display: inline-block; background: var(--brand); color: var(--brand-ink); border-radius: 999px; padding: 0 8px; font-size: 13px; font-weight: 600; }
    ol.messages { list-style: none; margin: 0 0 16px; padding: 0; }
    ol.messages li.message { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 16px; margin-bottom: 10px; max-width: 46em; }
    ol.messages li.message.mine { background: var(--soft); margin-left: auto; }
    ol.messages .from { margin: 0 0 6px; }
    ol.messages .text { overflow-wrap: anywhere; }
    ol.messages .text.withdrawn { color: var(--muted); text-decoration: line-through; }
    ol.messages .receipt { margin: 6px 0 0; font-size: 13px; color: var(--muted); display: inline-block; margin-right: 12px; }
    ul.files { margin: 8px 0 0; padding-left: 20px; overflow-wrap: anywhere; }
    form.message-form select[multiple] { max-width: none; }
    form.message-form h2 { margin-top: 0; }
    form.message-form input, form.message-form textarea { max-width: none; }
    body.kiosk ol.messages li.message { color: var(--ink); }
    .kiosk-messages .diary { background: var(--paper); color: var(--ink); border-radius: 16px; padding: 20px 28px; max-width: 1100px; }
    ul.events { list-style: none; margin: 0; padding: 0; }
    ul.events li { padding: 6px 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
    ul.events li:last-child { border-bottom: 0; }
    ul.events .when { color: var(--muted); margin-right: 6px; white-space: nowrap; }
    ul.events .details { font-size: 15px; margin-top: 2px; }
    .kiosk-events ul.events li { border-color: rgba(255,255,255,.25); }
    .kiosk-events ul.events .when { color: rgba(255,255,255,.75); }
    ul.notifications { list-style: none; margin: 0; padding: 0; }
    ul.notifications li { padding: 6px 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
    ul.notifications li.unread { font-weight: 600; }
    ul.notifications .when { color: var(--muted); font-weight: 400; margin-right: 6px; white-space: nowrap; font-size: 14px; }
    label.check { display: flex; gap: 8px; align-items: center; margin: 6px 0; }
    """
}
