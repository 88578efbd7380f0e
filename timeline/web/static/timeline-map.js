// Places on a Leaflet map (Leaflet bundled by datasette-leaflet, no CDN).
// Offline, tiles fail to load but markers are vector shapes and still draw; if Leaflet
// itself cannot load, the table of places under the map is the whole page.
(function () {
  var container = document.getElementById("tl-map");
  var data = document.getElementById("tl-map-markers");
  if (!container || !data) return;
  var markers = JSON.parse(data.textContent);
  // datasette-leaflet ships Leaflet as an ES module: import it, as datasette-cluster-map does.
  import(container.dataset.leaflet).then(
    function (leaflet) { draw(leaflet, markers); },
    function () { container.hidden = true; }
  );

  function draw(L, markers) {
    var map = L.map(container, { scrollWheelZoom: false });
    L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    }).addTo(map);
    var timeline = container.closest(".content").querySelector(".tl-tabs a").href;
    var bounds = [];
    markers.forEach(function (m) {
      var marker = L.circleMarker([m.lat, m.lng], {
        radius: 5 + Math.min(m.events, 10), color: "#8a2d1d", weight: 2,
        fillColor: m.events ? "#c8553d" : "#999", fillOpacity: 0.75
      }).addTo(map);
      var link = document.createElement("div");
      var title = document.createElement("strong");
      title.textContent = m.name;
      link.appendChild(title);
      link.appendChild(document.createElement("br"));
      if (m.events) {
        var a = document.createElement("a");
        a.href = timeline + "?place=" + encodeURIComponent(m.id);
        a.textContent = m.events + (m.events === 1 ? " event" : " events");
        link.appendChild(a);
      } else {
        link.appendChild(document.createTextNode("no events"));
      }
      if (m.origin && m.origin !== "curated") {
        link.appendChild(document.createElement("br"));
        link.appendChild(document.createTextNode("coordinates: " + m.origin));
      }
      marker.bindPopup(link);
      bounds.push([m.lat, m.lng]);
    });
    if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 8 });
    else map.setView([30, 20], 2);
    container.dataset.ready = String(bounds.length);
  }
})();
