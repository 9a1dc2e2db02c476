# Varnish in front of the Café IA application servers (README, "Several servers").
#
# Anonymous GET and HEAD requests are served from here for as long as the application's s-maxage says
# (5 minutes); the application purges what a publish changes with PURGE requests from its own servers
# (cafeia_site/purge.py), each one banning every query string of one path on one host. A visitor with a
# Django session or CSRF cookie, the admin and anything not GET/HEAD go straight to the application.
# A server that stops answering is retried on the other, and left out while its health probe fails.
# `make stack` writes the two backends' ports over 8001 and 8002.
vcl 4.1;

import directors;
import std;

probe health {
    .url = "/sante/";
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend app1 { .host = "127.0.0.1"; .port = "8001"; .probe = health; .connect_timeout = 1s; .first_byte_timeout = 30s; }
backend app2 { .host = "127.0.0.1"; .port = "8002"; .probe = health; .connect_timeout = 1s; .first_byte_timeout = 30s; }

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # The path is a regular expression: "/.*" bans everything.
        # On the object's own headers (below), so that Varnish's ban lurker drops the copies in the background.
        # (Unquoted: ban() would keep quotes as part of the expression.)
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ ^" + req.url + "([?].*)?$");
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Authorization) {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(csrftoken|sessionid)=") {
        return (pass);
    }
    # Other cookies (a language choice, a tracker) change nothing the application sends to anonymous readers.
    unset req.http.Cookie;
    # An expired copy may be served while a fresh one is fetched, for 10 s; for an hour if no server answers.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # Each try asks the director again: a retry goes to the other server.
    set bereq.backend = apps.backend();
}

sub vcl_backend_response {
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-url = bereq.url;
    if (beresp.status >= 500 && (bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
        return (retry);
    }
    if (beresp.http.Set-Cookie || beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 1h;
}

sub vcl_backend_error {
    # The server went away (refused, reset, timed out): the request goes to the other one.
    if (bereq.method == "GET" || bereq.method == "HEAD") {
        if (bereq.retries < 2) {
            return (retry);
        }
    }
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-url;
    if (obj.hits > 0) {
        set resp.http.X-Front-Cache = "hit";
    } else {
        set resp.http.X-Front-Cache = "miss";
    }
}
