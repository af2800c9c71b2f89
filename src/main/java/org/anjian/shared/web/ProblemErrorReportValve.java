package org.anjian.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;

/**
 * What Tomcat answers itself, before the application sees the request (a request line or headers
 * too long, an encoded {@code ../} or slash, a character it refuses): RFC 9457 problem details for
 * {@code /api} paths and for requests too broken to have a path, a short Chinese page otherwise.
 * Never Tomcat's default page with its version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = null;
        try {
            path = request.getRequestURI();
        } catch (RuntimeException unparsed) {
            // the request line itself was refused
        }
        try {
            response.reset();
            response.setStatus(status);
            if (path == null || path.isEmpty() || ProblemJson.isApi(path)) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer w = response.getReporter();
                if (w != null) {
                    w.write(ProblemJson.body(status, reason(status), detail(status), null, null));
                    w.flush();
                }
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer w = response.getReporter();
                if (w != null) {
                    w.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>出错了</title></head><body>"
                            + "<h1>" + status + "</h1><p>" + HtmlUtils.htmlEscape(detail(status)) + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
                    w.flush();
                }
            }
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say
        }
    }

    static String reason(int status) {
        return status == 413 ? "shared.tooLarge" : status == 404 ? "shared.notFound" : status >= 500 ? "shared.unexpected" : "shared.badRequest";
    }

    static String detail(int status) {
        if (status == 400) {
            return "请求无法识别（请求行、头部过长或路径含不允许的字符） (bad request)";
        }
        if (status == 413) {
            return "请求体或上传文件过大 (request too large)";
        }
        if (status == 404) {
            return "页面或记录不存在 (not found)";
        }
        HttpStatus known = HttpStatus.resolve(status);
        return status >= 500 ? "系统发生意外错误，已记录，请稍后重试 (unexpected error)" : "请求无法完成 (" + (known == null ? status : known.getReasonPhrase()) + ")";
    }
}
