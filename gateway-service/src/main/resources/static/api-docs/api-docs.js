// The services' OpenAPI documents, as the gateway serves them at /v3/api-docs/<service>.
window.addEventListener("load", function () {
  var services = ["ticket-service", "workorder-service", "customer-service",
    "notification-service", "analytics-service"];
  var wanted = new URLSearchParams(window.location.search).get("service");
  window.ui = SwaggerUIBundle({
    urls: services.map(function (service) {
      return { url: "/v3/api-docs/" + service, name: service };
    }),
    "urls.primaryName": services.indexOf(wanted) >= 0 ? wanted : services[0],
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    persistAuthorization: false,
    tryItOutEnabled: false
  });
});
