extension Assets {
    /// The site icon: an open journal with a mark.
    static let iconSVG = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
    <rect x="6" y="10" width="52" height="44" rx="6" fill="#1f5f8b"/>
    <rect x="12" y="16" width="18" height="32" rx="2" fill="#fff"/>
    <rect x="34" y="16" width="18" height="32" rx="2" fill="#fff"/>
    <path d="M15 24h12M15 30h12M15 36h8" stroke="#9bb6c9" stroke-width="2.5" stroke-linecap="round"/>
    <text x="43" y="41" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#2e7d32">5</text>
    </svg>
    """
}
