// Starts GraphiQL (the UMD globals React, ReactDOM and GraphiQL, loaded
// before this file from the same server) with the example queries the page
// carries in its #kg-playground JSON block as the first tabs. Nothing is
// fetched from anywhere but this server.
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('kg-playground').textContent);

  // fetcher posts one GraphQL request to the endpoint, with the headers the
  // user typed in GraphiQL's Headers tab (e.g. X-API-Key).
  function fetcher(params, opts) {
    var headers = Object.assign({
      'Content-Type': 'application/json',
      'Accept': 'application/graphql-response+json, application/json'
    }, (opts && opts.headers) || {});
    return fetch(cfg.endpoint, {
      method: 'POST',
      headers: headers,
      body: JSON.stringify(params),
      credentials: 'same-origin'
    }).then(function (res) {
      return res.json();
    });
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: cfg.tabs,
    defaultEditorToolsVisibility: 'variables'
  }));
})();
