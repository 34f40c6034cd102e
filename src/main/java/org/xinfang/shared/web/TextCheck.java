package org.xinfang.shared.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.xinfang.shared.InvalidInput;
import org.xinfang.shared.RecordableText;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every text a request brings — each string of a JSON body, each query or form parameter — is
 * checked on arrival to be {@link RecordableText recordable}; one that is not is refused with 400
 * naming its field (API.md Conventions), before anything is decided or written. Stored records are
 * read as they are: the check is on what arrives, not on what the history holds.
 */
@ControllerAdvice
class TextCheck extends RequestBodyAdviceAdapter implements HandlerInterceptor {

  private final JsonMapper json;

  TextCheck(JsonMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    MediaType type = input.getHeaders().getContentType();
    if (type == null
        || !(type.isCompatibleWith(MediaType.APPLICATION_JSON)
            || type.getSubtype().endsWith("+json"))) {
      return input;
    }
    byte[] body = input.getBody().readAllBytes();
    JsonNode tree;
    try {
      Charset charset = type.getCharset();
      tree =
          charset == null || charset.name().startsWith("UTF-")
              ? json.readTree(body)
              : json.readTree(new InputStreamReader(new ByteArrayInputStream(body), charset));
    } catch (JacksonException malformed) {
      tree = null; // the converter reads it again and says what is wrong, as it always did
    }
    if (tree != null) {
      check(tree, new ArrayDeque<>());
    }
    HttpHeaders headers = input.getHeaders();
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
  }

  /** Walks the tree with the path as a stack of its parts, joined only for a flaw found. */
  private static void check(JsonNode node, Deque<Object> path) {
    if (node.isString()) {
      refuse(path, node.asString());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.addLast(i);
        check(node.get(i), path);
        path.removeLast();
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        path.addLast(field.getKey());
        refuse(path, field.getKey());
        check(field.getValue(), path);
        path.removeLast();
      }
    }
  }

  private static void refuse(Deque<Object> path, String text) {
    if (RecordableText.flaw(text) != null) {
      refuse(name(path), text); // the path joined only when it names a flaw
    }
  }

  /** {@code petitioners[0].name}, as the other 400s name a field. */
  private static String name(Deque<Object> path) {
    StringBuilder name = new StringBuilder();
    for (Object part : path) {
      if (part instanceof Integer i) {
        name.append('[').append(i).append(']');
      } else {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(part);
      }
    }
    return name.isEmpty() ? "body" : name.toString();
  }

  private static void refuse(String field, String text) {
    String flaw = RecordableText.flaw(text);
    if (flaw != null) {
      throw new InvalidInput(field, flaw + ", which a record cannot hold");
    }
  }

  /**
   * Query and form parameters, before the handler reads them; for a multipart form (read only now,
   * after authentication) also each text field's bytes, which the container would otherwise decode
   * with U+FFFD in the place of what is not UTF-8.
   */
  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException, ServletException {
    if (multipart(request)) {
      for (Part part : request.getParts()) {
        if (part.getSubmittedFileName() == null && !utf8(part)) {
          throw new InvalidInput(part.getName(), "is not valid UTF-8");
        }
      }
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      refuse(parameter.getKey(), parameter.getKey());
      for (String value : parameter.getValue()) {
        refuse(parameter.getKey(), value);
      }
    }
    return true;
  }

  static boolean multipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  private static boolean utf8(Part part) throws IOException {
    try (InputStream in = part.getInputStream()) {
      return RecordableText.isUtf8(in.readAllBytes());
    }
  }
}
