import Words

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

      // On-screen keyboard for the sign-in fields. The slip's alphabet comes first for the code
      // and the password (capitals and digits, without 0, 1, O, I: what a slip prints); Latin
      // and Russian letters with Shift (one capital) and Caps Lock for the login and the rest.
      var osk = document.getElementById('osk');
      if (!osk) return;
      \(scriptWords { w in [("slipCode", w.keyboardSlipCode), ("shift", w.keyboardShift), ("caps", w.keyboardCaps), ("done", w.scriptDone)] })
      var layouts = {};
      layouts[W.slipCode] = ['23456789', 'ABCDEFGHJ', 'KLMNPQRST', 'UVWXYZ'];
      layouts['abc'] = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm.-_@'];
      layouts[\(js(Words.russianKeyboardName))] = [\(Words.russianKeyboardRows.map(js).joined(separator: ", "))];
      var names = Object.keys(layouts);
      var current = names[0];
      var target = null;
      var shift = false;
      var caps = false;
      function upper() { return shift !== caps; }
      function key(label, action, cls, pressed) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.className = 'osk-key' + (cls ? ' ' + cls : '');
        if (pressed !== undefined) b.setAttribute('aria-pressed', pressed ? 'true' : 'false');
        b.addEventListener('pointerdown', function (e) { e.preventDefault(); action(); });
        return b;
      }
      function type(text) {
        if (!target) return;
        target.value += text;
        target.dispatchEvent(new Event('input'));
        if (shift) { shift = false; draw(); }
      }
      function done() {
        if (!target) return;
        var password = document.getElementById('password');
        if (target.id === 'login' && password) { password.focus(); return; }
        if (target.form) target.form.requestSubmit();
      }
      function draw() {
        osk.innerHTML = '';
        var letters = current !== names[0];
        layouts[current].forEach(function (row, i, rows) {
          var line = document.createElement('div');
          line.className = 'osk-row';
          if (letters && i === rows.length - 1) {
            line.appendChild(key(W.shift, function () { shift = !shift; draw(); }, 'wide shift', shift));
          }
          row.split('').forEach(function (ch) {
            var shown = letters && upper() ? ch.toUpperCase() : ch;
            line.appendChild(key(shown, function () { type(shown); }));
          });
          osk.appendChild(line);
        });
        var last = document.createElement('div');
        last.className = 'osk-row';
        names.forEach(function (name) {
          if (name !== current) last.appendChild(key(name, function () { current = name; shift = false; draw(); }, 'wide layout'));
        });
        if (letters) last.appendChild(key(W.caps, function () { caps = !caps; shift = false; draw(); }, 'wide caps', caps));
        last.appendChild(key('⌫', function () { if (target) target.value = target.value.slice(0, -1); }, 'wide'));
        last.appendChild(key(W.done, done, 'wide done'));
        osk.appendChild(last);
      }
      document.querySelectorAll('[data-keyboard]').forEach(function (input) {
        input.addEventListener('focus', function () {
          if (target !== input) { current = input.id === 'login' ? 'abc' : names[0]; shift = false; }
          target = input;
          osk.hidden = false;
          draw();
        });
      });
      if (document.activeElement && document.activeElement.hasAttribute('data-keyboard')) {
        document.activeElement.dispatchEvent(new Event('focus'));
      }
    })();
    """
}
