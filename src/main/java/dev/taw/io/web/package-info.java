// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * Web logs: Application Load Balancer access logs, AWS WAF logs (JSON) and CloudFront standard logs.
 */
package dev.taw.io.web;
