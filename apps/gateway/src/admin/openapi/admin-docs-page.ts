/**
 * The page at /admin/api/docs: no data of its own. It asks for the admin key (kept in sessionStorage), loads
 * /admin/api/openapi.json with it and lists each operation with its parameters and schemas.
 */
export const ADMIN_DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gatehouse admin API</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1f24; }
  code, pre { font: 13px/1.4 ui-monospace, monospace; }
  pre { background: #f4f5f7; padding: .75rem; overflow: auto; border-radius: 6px; }
  .op { border: 1px solid #d8dce1; border-radius: 8px; margin: .75rem 0; padding: .5rem 1rem; }
  .method { display: inline-block; min-width: 4.5rem; font-weight: 700; text-transform: uppercase; }
  form { display: flex; gap: .5rem; margin: 1rem 0; }
  input { flex: 1; padding: .4rem; }
  #status { color: #8a1c1c; }
</style>
</head>
<body>
<h1>Gatehouse admin API</h1>
<p>Every route needs <code>Authorization: Bearer ADMIN_KEY</code>. The machine-readable document is
<a href="/admin/api/openapi.json"><code>/admin/api/openapi.json</code></a> (OpenAPI 3.1, with the same header).</p>
<form id="key-form"><input id="key" type="password" placeholder="admin key" autocomplete="off"><button>Load</button></form>
<p id="status"></p>
<div id="operations"></div>
<script>
const form = document.getElementById('key-form');
const keyInput = document.getElementById('key');
const status = document.getElementById('status');
const operations = document.getElementById('operations');
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
function details(title, value) {
  const box = element('details');
  box.append(element('summary', title), element('pre', JSON.stringify(value, null, 2)));
  return box;
}
async function load(key) {
  status.textContent = '';
  operations.replaceChildren();
  const response = await fetch('/admin/api/openapi.json', { headers: { authorization: 'Bearer ' + key } });
  if (!response.ok) { status.textContent = 'The admin key was refused (' + response.status + ').'; return; }
  sessionStorage.setItem('gatehouse-admin-key', key);
  const document_ = await response.json();
  for (const [path, methods] of Object.entries(document_.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const box = element('section', undefined, 'op');
      const heading = element('h3');
      heading.append(element('span', method, 'method'), element('code', path));
      box.append(heading, element('p', operation.summary));
      if (operation.parameters.length) box.append(details('parameters', operation.parameters));
      if (operation.requestBody) box.append(details('request body', operation.requestBody.content['application/json'].schema));
      box.append(details('responses', operation.responses));
      operations.append(box);
    }
  }
}
form.addEventListener('submit', (event) => { event.preventDefault(); load(keyInput.value); });
const saved = sessionStorage.getItem('gatehouse-admin-key');
if (saved) load(saved);
</script>
</body>
</html>
`;
