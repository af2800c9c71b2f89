package org.anjian.shared.live;

import java.util.function.Predicate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live updates for open pages on every node: a module publishes a {@link LiveMessage} when something changed,
 * pages subscribe to a topic with a Server-Sent-Events stream. Every message reaches the browser as an unnamed
 * SSE event ({@code EventSource.onmessage}) whose data is the message as JSON
 * ({@code {"topic":..,"kind":..,"enterpriseId":..,"data":{..}}}); comments keep idle streams open.
 */
public interface LiveUpdates {

    /** Delivered after the current transaction commits (at once when there is none), to subscribers on every node. */
    void publish(LiveMessage message);

    /** An SSE stream of the messages on this topic that pass the filter (the caller's scope check). */
    SseEmitter subscribe(String topic, Predicate<LiveMessage> visible);

    /** One SSE stream of the messages on any of these topics that pass the filter (a page that shows several modules' data). */
    SseEmitter subscribe(java.util.Set<String> topics, Predicate<LiveMessage> visible);
}
