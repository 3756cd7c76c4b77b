// The upload page. It sends the raw files; the server reads them with the same code as the CLI.
// Everything shown here is set with textContent, never parsed as HTML.
(function () {
  'use strict';
  var chosen = [];  // {name, file}
  var pasteCount = 0;
  var $ = function (id) { return document.getElementById(id); };

  function say(msg, err) { $('status').textContent = msg; $('status').className = err ? 'err' : ''; }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  function showChosen() {
    var list = $('chosen');
    list.textContent = '';
    chosen.forEach(function (item, i) {
      var li = el('li');
      li.appendChild(el('span', 'name', item.name));
      li.appendChild(el('span', 'meta', ' (' + Math.max(1, Math.round(item.file.size / 1024)) + ' KB) '));
      var rm = el('button', 'rm', '\u00d7');
      rm.type = 'button'; rm.title = 'remove ' + item.name;
      rm.addEventListener('click', function () { chosen.splice(i, 1); showChosen(); });
      li.appendChild(rm);
      list.appendChild(li);
    });
  }

  function addFiles(fileList) {
    Array.prototype.forEach.call(fileList, function (f) {
      chosen.push({name: f.webkitRelativePath || f.name, file: f});
    });
    showChosen();
  }

  function addPaste() {
    pasteCount += 1;
    var box = el('div', 'paste');
    var ta = el('textarea');
    ta.placeholder = 'Headline on the first line, then the outlet, the dateline and the text';
    ta.dataset.name = 'pasted-' + pasteCount + '.txt';
    var rm = el('button', 'rm', '\u00d7');
    rm.type = 'button'; rm.title = 'remove';
    rm.addEventListener('click', function () { box.remove(); });
    box.appendChild(rm); box.appendChild(ta);
    $('pastes').appendChild(box);
    ta.focus();
  }

  function formData() {
    var fd = new FormData(), n = 0;
    chosen.forEach(function (item) { fd.append('files', item.file, item.name); n += 1; });
    document.querySelectorAll('#pastes textarea').forEach(function (ta) {
      if (!ta.value.trim()) return;
      fd.append('files', new Blob([ta.value], {type: 'text/plain'}), ta.dataset.name); n += 1;
    });
    return {fd: fd, n: n};
  }

  function describe(art) {
    var bits = [];
    if (art.source) bits.push(art.source); else bits.push('outlet not stated');
    if (art.title) bits.push(art.title);
    if (art.dateline) bits.push('dateline: ' + art.dateline);
    return bits.join(' \u00b7 ');
  }

  function showFiles(files) {
    var read = $('readlist'), bad = $('notread');
    read.textContent = ''; bad.textContent = '';
    (files || []).forEach(function (f) {
      var li = el('li');
      li.appendChild(el('span', 'name', f.name));
      if (f.read) {
        li.dataset.read = 'yes';
        f.articles.forEach(function (a) { li.appendChild(el('div', 'meta', describe(a))); });
        (f.notes || []).forEach(function (n) { li.appendChild(el('div', 'note', n)); });
        read.appendChild(li);
      } else {
        li.dataset.read = 'no';
        li.appendChild(el('span', 'reason', ': ' + f.reason));
        bad.appendChild(li);
      }
    });
    $('outcome').hidden = !(files && files.length);
  }

  function compare() {
    var sent = formData();
    if (sent.n < 1) { say('Choose or paste at least one file.', true); return; }
    var btn = $('go');
    btn.disabled = true;
    say('Reading and comparing ' + sent.n + (sent.n === 1 ? ' file' : ' files') + '\u2026');
    $('result').hidden = true; $('dlhtml').hidden = true;
    fetch('web/compare', {method: 'POST', body: sent.fd})
      .then(function (resp) {
        return resp.text().then(function (body) {
          var data = null;
          try { data = JSON.parse(body); } catch (e) { data = {detail: body}; }
          return {ok: resp.ok, status: resp.status, data: data};
        });
      })
      .then(function (r) {
        showFiles(r.data.files);
        if (!r.ok) { throw new Error(r.data.detail || ('HTTP ' + r.status)); }
        var frame = $('result');
        frame.src = r.data.report;
        frame.hidden = false;
        var dl = $('dlhtml');
        dl.href = r.data.report + '?download=1'; dl.hidden = false;
        var good = r.data.files.filter(function (f) { return f.read; }).length;
        var notRead = r.data.files.length - good;
        say('Done: ' + good + ' read' + (notRead ? ', ' + notRead + ' not read' : '') + '.');
      })
      .catch(function (e) { say('Error: ' + e.message, true); })
      .finally(function () { btn.disabled = false; });
  }

  $('files').addEventListener('change', function (ev) { addFiles(ev.target.files); ev.target.value = ''; });
  $('folder').addEventListener('change', function (ev) { addFiles(ev.target.files); ev.target.value = ''; });
  $('paste').addEventListener('click', addPaste);
  $('go').addEventListener('click', compare);
  $('clear').addEventListener('click', function () {
    chosen = []; showChosen(); $('pastes').textContent = ''; $('outcome').hidden = true;
    $('result').hidden = true; $('dlhtml').hidden = true; say('');
  });
}());
