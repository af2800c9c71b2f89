/**
 * Live updates shared by the modules (permits, monitoring): publish a change, subscribe a page to a topic.
 * Two or more nodes share one PostgreSQL database, so the messages travel by {@code NOTIFY}/{@code LISTEN}.
 */
package org.anjian.shared.live;
