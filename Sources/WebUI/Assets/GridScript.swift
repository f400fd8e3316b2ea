import Domain
import Words

extension Assets {
    /// The journal grid's keyboard: arrows and Tab move between cells, 1–5 sets a mark of the
    /// chosen work type (on a pass/fail subject з, p or + a pass, − a fail: н stays an absence,
    /// as in every other grid), н/б/у/о (or n/b/u/o) the attendance, Delete or Backspace removes;
    /// every change is saved through the JSON API at once. The server checks every rule; a
    /// refusal is shown in the status line and the cell keeps what the server holds.
    static let gridJS = """
    (function () {
      var table = document.querySelector('table.journal-grid');
      if (!table) { return; }
      \(scriptWords { w in
        [("error", w.scriptError), ("periodMarkSaved", w.scriptPeriodMarkSaved), ("pad", w.scriptPadLabel), ("remove", w.scriptRemove),
         ("done", w.scriptDone), ("confirmMark", w.scriptConfirmMark), ("markSaved", w.scriptMarkSaved), ("absenceSaved", w.scriptAbsenceSaved),
         ("attendanceCleared", w.scriptAttendanceCleared), ("markRemoved", w.scriptMarkRemoved),
         ("pass", w.markShort(.passed)), ("fail", w.markShort(.failed)), ("yearReason", w.yearReasonPrompt)]
      })
      var status = document.getElementById('grid-status');
      var workType = document.getElementById('work-type');
      function say(text, bad) { status.textContent = text; status.className = 'grid-status' + (bad ? ' bad' : ' ok'); }
      say.fmt = function (text) { var values = arguments; return text.replace(/\\{(\\d)\\}/g, function (m, i) { return values[Number(i) + 1]; }); };
      function api(method, url, body) {
        return fetch(url, { method: method, credentials: 'same-origin',
          headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body) }).then(function (r) {
          if (r.status === 204) { return {}; }
          return r.json().then(function (j) {
            if (!r.ok) { var e = new Error(j.message || say.fmt(W.error, r.status)); e.code = j.error; throw e; }
            return j;
          });
        });
      }

      // A mark's value as the API takes it: 1–5 a number, the rest (a pass, a fail, not assessed, exempt) a string.
      function markValue(text) { return text === '' ? null : /^[1-5]$/.test(text) ? Number(text) : text; }
      var passFail = table.getAttribute('data-scale') === 'passfail';
      // The API's values of a pass and a fail (the same in every language).
      var PASS = \(js(MarkValue.passed.text)), FAIL = \(js(MarkValue.failed.text));
      var passKeys = [\(MarkValue.passKeys.map(js).joined(separator: ", "))], failKeys = [\(MarkValue.failKeys.map(js).joined(separator: ", "))];
      // Period, year, exam and final marks save on change, without the form's button.
      table.addEventListener('change', function (e) {
        var select = e.target, m = /^(pm|year|exam|final)_(\\d+)$/.exec(select.name || '');
        if (!m) { return; }
        var body = { student: Number(m[2]), value: markValue(select.value) };
        if (m[1] === 'pm') { body.period = Number(table.getAttribute('data-period')); } else { body.kind = m[1]; }
        var reason = document.getElementById('year-reason');
        if (reason && reason.value) { body.reason = reason.value; }
        function send() { return api('PUT', table.getAttribute('data-period-api'), body); }
        send().catch(function (err) {
          // A year mark without every period's mark: the teacher says why, or it is not saved.
          if (err.code !== 'year_needs_periods') { throw err; }
          var why = window.prompt(err.message + '\\n\\n' + W.yearReason, reason ? reason.value : '');
          if (!why) { throw err; }
          body.reason = why; if (reason) { reason.value = why; }
          return send();
        }).then(function () { say(W.periodMarkSaved); }, function (err) { say(err.message, true); });
      });

      if (table.getAttribute('data-editable') !== 'true') { return; }
      // Cells carry no attributes: a cell's lesson is its column's, a cell's student its row's.
      var lessons = Array.prototype.map.call(table.querySelectorAll('thead th[data-lesson]'), function (th) { return Number(th.getAttribute('data-lesson')); });
      var columns = lessons.length, cells = [];
      table.querySelectorAll('tbody tr').forEach(function (row) {
        for (var c = 1; c <= columns; c++) { var td = row.children[c]; td.tabIndex = -1; cells.push(td); }
      });
      if (!cells.length) { return; }
      var current = null;
      function focus(cell) {
        if (!cell) { return; }
        if (current) { current.tabIndex = -1; }
        current = cell; cell.tabIndex = 0; cell.focus();
      }
      // The first cell of today's (or the latest begun) lesson takes the focus first.
      var start = 0;
      table.querySelectorAll('thead th[data-lesson]').forEach(function (th, i) { if (!th.classList.contains('future')) { start = i; } });
      cells[start].tabIndex = 0; current = cells[start];
      function isCell(td) { return td && td.tagName === 'TD' && td.cellIndex >= 1 && td.cellIndex <= columns; }
      // A tapped (or clicked) cell gets a pad with what the keys do: a phone has no keys to press.
      var pad = document.createElement('div');
      pad.className = 'grid-pad'; pad.hidden = true; pad.setAttribute('role', 'toolbar'); pad.setAttribute('aria-label', W.pad);
      // Marks, the absence codes (the journal's own letters in every language), remove, done.
      (passFail ? ['+', '−'] : ['5', '4', '3', '2', '1']).concat([\(AbsenceCode.allCases.map { js($0.rawValue) }.joined(separator: ", ")), '✕', 'done']).forEach(function (k) {
        var b = document.createElement('button');
        b.type = 'button'; b.textContent = k === 'done' ? W.done : k === '+' ? W.pass : k === '−' ? W.fail : k; b.setAttribute('data-key', k);
        if (k === '✕') { b.setAttribute('aria-label', W.remove); }
        pad.appendChild(b);
      });
      document.body.appendChild(pad);
      pad.addEventListener('click', function (e) {
        var k = e.target.getAttribute && e.target.getAttribute('data-key');
        if (!k || !current) { return; }
        if (/^[1-5]$/.test(k)) { setMark(current, Number(k)); }
        else if (k === '+' || k === '−') { setMark(current, k === '+' ? PASS : FAIL); }
        else if (k === '✕') { remove(current); }
        else if (k === 'done') { pad.hidden = true; }
        else { setAbsence(current, k); }
        if (k !== 'done') { current.focus(); }
      });
      table.addEventListener('click', function (e) {
        var td = e.target.closest('td');
        if (isCell(td)) { focus(td); pad.hidden = false; }
      });

      function student(cell) { return Number(cell.parentNode.getAttribute('data-student')); }
      function lesson(cell) { return lessons[cell.cellIndex - 1]; }
      function markOf(cell, type) {
        var found = null;
        cell.querySelectorAll('span.m').forEach(function (s) { if (s.getAttribute('data-w') === type) { found = s; } });
        return found;
      }
      function setMark(cell, value) {
        var type = workType.value, existing = markOf(cell, type);
        var done = existing
          ? api('PUT', '/api/v1/marks/' + existing.getAttribute('data-id'), { value: value }).then(function () { return Number(existing.getAttribute('data-id')); })
          : api('POST', '/api/v1/lessons/' + lesson(cell) + '/marks', { student: student(cell), value: value, workType: type }).catch(function (err) {
              // An absent student gets a mark only when the teacher confirms it.
              if (err.code !== 'student_absent' || !window.confirm(err.message + '\\n\\n' + say.fmt(W.confirmMark, value))) { throw err; }
              return api('POST', '/api/v1/lessons/' + lesson(cell) + '/marks', { student: student(cell), value: value, workType: type, confirm: true });
            }).then(function (j) { return j.id; });
        done.then(function (id) {
          var span = existing || document.createElement('span');
          var shown = value === PASS ? W.pass : value === FAIL ? W.fail : String(value);
          span.className = 'm ' + (value === PASS ? 'mp' : value === FAIL ? 'mf' : 'm' + value);
          span.setAttribute('data-id', id); span.setAttribute('data-w', type); span.title = type;
          span.textContent = shown;
          var sub = document.createElement('sub'); sub.textContent = type; span.appendChild(sub);
          if (!existing) { cell.appendChild(span); }
          say(say.fmt(W.markSaved, shown, type));
          refresh(cell.parentNode);
        }, function (err) { say(err.message, true); });
      }
      // The average, its formula and the forecast as the server now computes them: the row's
      // last cells are taken from this page fetched again (no second formula in the script).
      function refresh(row) {
        fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html')
            .querySelector('table.journal-grid tr[data-student="' + row.getAttribute('data-student') + '"]');
          if (!fresh) { return; }
          // A period-mark choice not yet saved stays as chosen: only its forecast is renewed.
          ['td.avg', 'td.pm:not(:has(select))', 'td.pm .forecast'].forEach(function (sel) {
            var mine = row.querySelector(sel), theirs = fresh.querySelector(sel);
            if (mine && theirs) { mine.innerHTML = theirs.innerHTML; }
          });
        });
      }
      function setAbsence(cell, code) {
        api('PUT', '/api/v1/lessons/' + lesson(cell) + '/attendance/' + student(cell), { code: code }).then(function () {
          var span = cell.querySelector('span.a');
          if (code === null) { if (span) { span.remove(); } say(W.attendanceCleared); return; }
          if (!span) { span = document.createElement('span'); span.className = 'a'; cell.insertBefore(span, cell.firstChild); }
          span.textContent = code;
          say(say.fmt(W.absenceSaved, code));
        }, function (err) { say(err.message, true); });
      }
      function remove(cell) {
        var mark = markOf(cell, workType.value) || cell.querySelector('span.m:last-of-type');
        if (mark) {
          api('DELETE', '/api/v1/marks/' + mark.getAttribute('data-id')).then(function () { mark.remove(); say(W.markRemoved); refresh(cell.parentNode); },
            function (err) { say(err.message, true); });
        } else if (cell.querySelector('span.a')) {
          setAbsence(cell, null);
        }
      }
      // The codes typed in either case, or as the Latin letters of a keyboard in the wrong layout.
      var letters = { \(AbsenceCode.allCases.map { "\(js($0.rawValue.lowercased())): \(js($0.rawValue))" }.joined(separator: ", ")), \(["n", "b", "u", "o"].compactMap { latin in AbsenceCode(letter: latin).map { "\(js(latin)): \(js($0.rawValue))" } }.joined(separator: ", ")) };
      table.addEventListener('keydown', function (e) {
        var cell = e.target.closest && e.target.closest('td');
        if (!isCell(cell) || e.ctrlKey || e.metaKey || e.altKey) { return; }
        var i = cells.indexOf(cell), key = e.key;
        if (key === 'ArrowRight' || (key === 'Tab' && !e.shiftKey)) {
          if (key === 'Tab' && i === cells.length - 1) { return; }
          e.preventDefault(); focus(cells[i + 1]);
        } else if (key === 'ArrowLeft' || (key === 'Tab' && e.shiftKey)) {
          if (key === 'Tab' && i === 0) { return; }
          e.preventDefault(); focus(cells[i - 1]);
        } else if (key === 'ArrowDown') { e.preventDefault(); focus(cells[i + columns]);
        } else if (key === 'ArrowUp') { e.preventDefault(); focus(cells[i - columns]);
        } else if (!passFail && /^[1-5]$/.test(key)) { e.preventDefault(); setMark(cell, Number(key));
        } else if (passFail && passKeys.indexOf(key.toLowerCase()) >= 0) { e.preventDefault(); setMark(cell, PASS);
        } else if (passFail && failKeys.indexOf(key) >= 0) { e.preventDefault(); setMark(cell, FAIL);
        } else if (letters[key.toLowerCase()]) { e.preventDefault(); setAbsence(cell, letters[key.toLowerCase()]);
        } else if (key === 'Delete' || key === 'Backspace') { e.preventDefault(); remove(cell); }
      });
    })();
    """
}
