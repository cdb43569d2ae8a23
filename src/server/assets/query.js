// The query page: picks a bundled query, sends it to /sparql with the
// SPARQL 1.1 Protocol and draws the JSON results as a table. No framework,
// no CDN: this file is compiled into the binary.
"use strict";

const form = document.getElementById("query-form");
const picker = document.getElementById("bundled");
const text = document.getElementById("query");
const statusLine = document.getElementById("status");
const results = document.getElementById("results");

picker.addEventListener("change", () => {
  text.value = picker.selectedOptions[0].dataset.query;
});

/** A cell's text: IRIs of the project shortened, literals by value. */
function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") {
    const a = document.createElement("a");
    const base = "https://w3id.org/oewg-kg/";
    a.href = term.value.startsWith(base) ? "/" + term.value.slice(base.length) : term.value;
    a.textContent = term.value.startsWith(base) ? term.value.slice(base.length) : term.value;
    td.appendChild(a);
  } else {
    td.textContent = term.value;
  }
  return td;
}

function table(json) {
  const t = document.createElement("table");
  t.id = "answer";
  const head = t.createTHead().insertRow();
  for (const v of json.head.vars) {
    const th = document.createElement("th");
    th.textContent = v;
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (const b of json.results.bindings) {
    const row = body.insertRow();
    for (const v of json.head.vars) row.appendChild(cell(b[v]));
  }
  return t;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  statusLine.className = "";
  statusLine.textContent = "running…";
  results.replaceChildren();
  const response = await fetch("/sparql", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept": "application/sparql-results+json",
    },
    body: new URLSearchParams({ query: text.value }),
  });
  if (!response.ok) {
    statusLine.className = "error";
    statusLine.textContent = await response.text();
    return;
  }
  const json = await response.json();
  if (json.boolean !== undefined) {
    statusLine.textContent = "answer: " + json.boolean;
    return;
  }
  results.appendChild(table(json));
  const n = json.results.bindings.length;
  statusLine.textContent = n + (n === 1 ? " row" : " rows");
});

// `/query?run=NAME` picks the bundled query NAME and runs it at once, so a
// question can be shared as a link.
const wanted = new URLSearchParams(window.location.search).get("run");
if (wanted) {
  const option = Array.from(picker.options).find((o) => o.value === wanted);
  if (option) {
    picker.value = wanted;
    text.value = option.dataset.query;
    form.requestSubmit();
  }
}
