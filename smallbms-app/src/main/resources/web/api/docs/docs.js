// The API's own document, browsable: swagger-ui from its WebJar, started here because the policy allows no inline script.
window.SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });
