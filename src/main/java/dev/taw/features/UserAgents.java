// SPDX-License-Identifier: GPL-3.0-or-later
package dev.taw.features;

import java.util.List;
import java.util.Locale;

/**
 * Tells a person's browser from a tool: scanners, brute-forcers, scrapers and scripts announce themselves
 * (sqlmap, gobuster, python-requests, curl…) or send no user agent at all. A shopper's browser sends a
 * long "Mozilla/5.0 (…)" string. Tested once per distinct user agent, not per request.
 */
public final class UserAgents {
    private static final List<String> TOOLS = List.of("curl/", "wget/", "python-requests", "python-urllib", "aiohttp", "httpx", "go-http-client",
            "java/", "okhttp", "apache-httpclient", "libwww-perl", "ruby", "scrapy", "sqlmap", "nikto", "nmap", "masscan", "zgrab", "gobuster",
            "dirbuster", "dirb/", "ffuf", "wfuzz", "feroxbuster", "hydra", "nuclei", "wpscan", "whatweb", "headlesschrome", "phantomjs", "postman");

    private UserAgents() { }

    /** True for an empty or missing user agent and for the agents of known tools and HTTP libraries. */
    public static boolean isTool(String agent) {
        String a = agent.strip().toLowerCase(Locale.ROOT);
        if (a.isEmpty() || a.equals("-")) return true;
        for (String t : TOOLS) if (a.contains(t)) return true;
        return false;
    }
}
