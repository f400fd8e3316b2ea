extension Assets {
    /// Keeps the kiosk's clock current from the server's time. The page works without it.
    static let kioskJS = """
    (function () {
      var clock = document.getElementById('kiosk-clock');
      if (!clock) return;
      var delta = Number(clock.getAttribute('data-now')) - Date.now();
      function pad(n) { return (n < 10 ? '0' : '') + n; }
      function tick() {
        var d = new Date(Date.now() + delta);
        clock.textContent = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
      }
      tick();
      setInterval(tick, 1000);
    })();
    """
}
