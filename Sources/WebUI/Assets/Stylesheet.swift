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
    .signin { max-width: 440px; margin: 32px auto; }
    .signin input { max-width: none; }
    .signin button { width: 100%; margin-top: 20px; }
    .form-error { background: #fdecea; border: 1px solid #f5c2bd; color: var(--warn); border-radius: 8px; padding: 10px 14px; margin: 12px 0; }
    .spaced { margin-top: 16px; }
    p.hint { margin: 4px 0 0; font-size: 14px; }
    form.search { display: flex; flex-wrap: wrap; gap: 0 16px; align-items: flex-end; }
    form.search > div { flex: 1 1 220px; }
    form.search button { margin-bottom: 2px; }
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

    /* Kiosk: a hallway touch screen read from a metre away. */
    body.kiosk { background: #0f3550; color: #fff; font-size: 22px; min-height: 100vh; }
    .kiosk-idle { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 32px; padding: 40px 56px; min-height: 100vh; align-content: start; max-width: none; }
    .kiosk-changes { grid-column: 1 / -1; }
    .kiosk-change-list { columns: 2; column-gap: 48px; list-style: none; margin: 0; padding: 0; }
    .kiosk-change-list li { break-inside: avoid; padding: 8px 0; border-bottom: 1px solid rgba(255,255,255,.18); }
    .kiosk-change-list .kind { color: #f2d27a; }
    .kiosk-idle h1 { font-size: 40px; margin: 0 0 8px; }
    .kiosk-clock { font-size: 120px; font-weight: 700; line-height: 1; letter-spacing: 2px; margin: 24px 0 8px; font-variant-numeric: tabular-nums; }
    .kiosk-date { font-size: 30px; opacity: .9; }
    .kiosk-panel { background: rgba(255,255,255,.08); border-radius: 16px; padding: 24px 28px; }
    .kiosk-panel h2 { font-size: 26px; margin: 0 0 12px; }
    .kiosk-panel table { background: transparent; color: #fff; }
    .kiosk-panel td, .kiosk-panel th { border-color: rgba(255,255,255,.18); font-size: 22px; padding: 8px 6px; color: #fff; }
    .kiosk-panel .now td { background: rgba(242,183,5,.25); }
    .kiosk-hint { grid-column: 1 / -1; font-size: 24px; opacity: .85; }

    @media (max-width: 640px) {
      .site-header .inner { flex-wrap: wrap; }
      .site-header nav { margin-left: 0; width: 100%; }
      main { padding: 12px; }
      h1 { font-size: 21px; }
      .kiosk-idle { grid-template-columns: 1fr; padding: 24px; }
      .kiosk-change-list { columns: 1; }
    }
    @media print {
      body { background: #fff; font-size: 11pt; }
      .site-header, .site-footer, nav, button, .button { display: none !important; }
      main { max-width: none; padding: 0; }
      .card, .table-wrap { border: 0; padding: 0; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
