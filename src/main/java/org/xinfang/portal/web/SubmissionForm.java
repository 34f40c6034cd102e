package org.xinfang.portal.web;

/**
 * The online petition form (条例 Art. 19: name or organisation name, address, the request, the facts
 * and the reasons; a phone to reach the petitioner; the organ addressed). A bean, not a record, so
 * that the form binds and redisplays what was typed after a validation error.
 */
public class SubmissionForm {

  private String name;
  private String address;
  private String phone;
  private String idNumber;
  private String bureau;
  private String category;
  private String subject;
  private String request;
  private String facts;
  private String reasons;
  private Boolean consent;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public void setIdNumber(String idNumber) {
    this.idNumber = idNumber;
  }

  public String getBureau() {
    return bureau;
  }

  public void setBureau(String bureau) {
    this.bureau = bureau;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public String getFacts() {
    return facts;
  }

  public void setFacts(String facts) {
    this.facts = facts;
  }

  public String getReasons() {
    return reasons;
  }

  public void setReasons(String reasons) {
    this.reasons = reasons;
  }

  public Boolean getConsent() {
    return consent;
  }

  public void setConsent(Boolean consent) {
    this.consent = consent;
  }

  /** The file input has no value to redisplay; errors about the files are reported here. */
  public String getFiles() {
    return "";
  }
}
