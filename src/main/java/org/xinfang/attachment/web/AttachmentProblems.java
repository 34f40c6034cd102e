package org.xinfang.attachment.web;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.xinfang.attachment.AttachmentDamaged;

/** A stored file that fails its hash check is a server-side fault: 500, named, nothing served. */
@RestControllerAdvice(
    assignableTypes = {AttachmentController.class, AttachmentPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentProblems {

  @ExceptionHandler(AttachmentDamaged.class)
  ResponseEntity<ProblemDetail> damaged(AttachmentDamaged e) {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    p.setType(URI.create("https://xinfang.org/problems/attachment-damaged"));
    p.setTitle("Attachment damaged");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }
}
