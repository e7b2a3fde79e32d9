// The "Preferences" cookie category: the studio remembers the last model, duration, size, frame
// rate, sound and caption choices in the cookie kinora_prefs, only while the visitor allows
// preferences (the page says so in <meta name="kinora-preferences">). Declined, the cookie is
// deleted and nothing is written. A "Re-run with changes" link (a query string) wins over it.
(function () {
  'use strict';
  var NAME = 'kinora_prefs';
  var FIELDS = ['model', 'seconds', 'size', 'fps', 'sound', 'caption'];
  var MAX_AGE = 180 * 24 * 3600;
  var restoring = false;

  function allowed() {
    var meta = document.querySelector('meta[name="kinora-preferences"]');
    return meta !== null && meta.content === 'allowed';
  }

  function read() {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(NAME + '=') === 0; })[0];
    return found ? new URLSearchParams(decodeURIComponent(found.substring(NAME.length + 1))) : null;
  }

  function write(values) {
    var secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = NAME + '=' + encodeURIComponent(values.toString()) + '; Path=/; Max-Age=' + MAX_AGE
      + '; SameSite=Lax' + secure;
  }

  function forget() {
    if (read() !== null) {
      document.cookie = NAME + '=; Path=/; Max-Age=0; SameSite=Lax';
    }
  }

  /** The field's current value: a switch counts as on/off, a group of radios as the checked one. */
  function valueOf(form, name) {
    var inputs = form.querySelectorAll('[name="' + name + '"]');
    var value = null;
    inputs.forEach(function (input) {
      if (input.type === 'checkbox') {
        value = input.checked ? input.value : 'off';
      } else if (input.type === 'radio') {
        if (input.checked) { value = input.value; }
      } else if (input.type !== 'hidden' || value === null) {
        value = input.value;
      }
    });
    return value;
  }

  /** Sets the field if the value is one it offers, and says so (the price follows "change"); true when it changed. */
  function restore(form, name, value) {
    var changed = null;
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if (input.type === 'checkbox') {
        if (input.checked !== (value === input.value)) { input.checked = value === input.value; changed = input; }
      } else if (input.type === 'radio') {
        if (input.value === value && !input.checked) { input.checked = true; changed = input; }
      } else if (input.tagName === 'SELECT') {
        var offered = Array.prototype.some.call(input.options, function (o) { return o.value === value; });
        if (offered && input.value !== value) { input.value = value; changed = input; }
      }
    });
    if (changed !== null) {
      changed.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return changed !== null;
  }

  function remember(form) {
    var values = new URLSearchParams();
    FIELDS.forEach(function (name) {
      var value = valueOf(form, name);
      if (value !== null) { values.set(name, value); }
    });
    write(values);
  }

  function restoreAll(form, saved) {
    // while restoring, the changes it makes are not written back half-done
    restoring = true;
    var rest = function () {
      FIELDS.slice(1).forEach(function (name) {
        if (saved.has(name)) { restore(form, name, saved.get(name)); }
      });
      restoring = false;
    };
    // the model decides which choices exist: when it changes, the options are fetched again
    if (saved.has('model') && restore(form, 'model', saved.get('model'))) {
      document.body.addEventListener('htmx:afterSettle', function once(event) {
        var config = event.detail.requestConfig || {};
        var path = (event.detail.pathInfo || {}).requestPath || '';
        if ((config.elt && config.elt.name === 'model') || path.indexOf('/options') >= 0) {
          document.body.removeEventListener('htmx:afterSettle', once);
          rest();
        }
      });
    } else {
      rest();
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!allowed()) {
      forget();
      return;
    }
    document.querySelectorAll('form[data-remember]').forEach(function (form) {
      var saved = read();
      if (saved !== null && location.search === '') {
        restoreAll(form, saved);
      }
      form.addEventListener('change', function () {
        if (!restoring) { remember(form); }
      });
    });
  });
})();
