// CloudFront viewer-request function (runtime cloudfront-js-2.0), run before the cache is asked.
// mailconfig reads query parameter names in any letter case, the first value of a repeated name
// winning; CloudFront's cache keys name parameters case-sensitively. So the names that are part of
// a cache key are lower-cased here, their values kept exactly as sent and in the order they came.
var KEYED = KEYED_PARAMETERS;

function decodedName(name) {
    try {
        return decodeURIComponent(name.replace(/\+/g, ' '));
    } catch (e) {
        return name;
    }
}

function handler(event) {
    var request = event.request;
    var query = request.querystring;
    var normalized = {};
    for (var name in query) {
        var lower = decodedName(name).toLowerCase();
        var target = KEYED.indexOf(lower) >= 0 ? lower : name;
        var values = query[name].multiValue ? query[name].multiValue : [{ value: query[name].value }];
        var existing = normalized[target];
        var all = existing ? existing.multiValue.concat(values) : values;
        normalized[target] = { value: all[0].value, multiValue: all };
    }
    for (var key in normalized) {
        if (normalized[key].multiValue.length === 1) {
            delete normalized[key].multiValue;
        }
    }
    request.querystring = normalized;
    return request;
}
