extension Assets {
    /// The kiosk's clock, the idle countdown that signs out, and an on-screen keyboard.
    /// The server enforces every rule on its own; this only makes the screen pleasant.
    static let kioskJS = """
    (function () {
      function pad(n) { return (n < 10 ? '0' : '') + n; }
      var clock = document.getElementById('kiosk-clock');
      if (clock) {
        var delta = Number(clock.getAttribute('data-now')) - Date.now();
        var tick = function () {
          var d = new Date(Date.now() + delta);
          clock.textContent = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
        };
        tick();
        setInterval(tick, 1000);
      }

      // A page restored from the back-forward cache asks the server again: after sign-out
      // that shows the sign-in screen, never the diary that was on it.
      window.addEventListener('pageshow', function (e) { if (e.persisted) { location.reload(); } });

      // Signed in: count down, start again at every touch, sign out at zero.
      var main = document.querySelector('[data-idle]');
      var out = document.getElementById('countdown');
      var signout = document.getElementById('signout');
      if (main && out && signout) {
        var idle = Number(main.getAttribute('data-idle')) || 60;
        var left = idle;
        var reset = function () { left = idle; out.textContent = left; };
        ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'].forEach(function (e) {
          window.addEventListener(e, reset, { passive: true });
        });
        setInterval(function () {
          left -= 1;
          out.textContent = Math.max(left, 0);
          if (left === 0) { signout.submit(); }
        }, 1000);
      }

      // On-screen keyboard for the sign-in fields: Russian, Latin, digits.
      var osk = document.getElementById('osk');
      if (!osk) return;
      var layouts = {
        'АБВ': ['йцукенгшщзх', 'фывапролджэ', 'ячсмитьбюъё'],
        'ABC': ['qwertyuiop', 'asdfghjkl', 'zxcvbnm.-_'],
        '123': ['1234567890', '-_.@', '']
      };
      var current = 'ABC';
      var target = null;
      function key(label, action, wide) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.className = 'osk-key' + (wide ? ' wide' : '');
        b.addEventListener('pointerdown', function (e) { e.preventDefault(); action(); });
        return b;
      }
      function type(text) {
        if (!target) return;
        target.value += text;
        target.dispatchEvent(new Event('input'));
      }
      function draw() {
        osk.innerHTML = '';
        layouts[current].forEach(function (row) {
          if (!row) return;
          var line = document.createElement('div');
          line.className = 'osk-row';
          row.split('').forEach(function (ch) { line.appendChild(key(ch, function () { type(ch); })); });
          osk.appendChild(line);
        });
        var last = document.createElement('div');
        last.className = 'osk-row';
        Object.keys(layouts).forEach(function (name) {
          if (name !== current) last.appendChild(key(name, function () { current = name; draw(); }, true));
        });
        last.appendChild(key('⌫', function () { if (target) target.value = target.value.slice(0, -1); }, true));
        last.appendChild(key('Готово', function () { if (target && target.form) target.form.requestSubmit(); }, true));
        osk.appendChild(last);
      }
      document.querySelectorAll('[data-keyboard]').forEach(function (input) {
        input.addEventListener('focus', function () {
          target = input;
          if (input.id !== 'code') { osk.hidden = false; draw(); }
        });
      });
    })();
    """
}
