package org.xinfang.workbench.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The registration desk's form (the registration record of NOTICES.md): every value as typed, so
 * that a form refused for one field comes back with everything else the clerk entered.
 */
public class RegistrationForm {
  private String channel = "LETTER";
  private String receivedOn;
  private String receivedBy;
  private String externalNumber;
  private String addressee;
  private List<PetitionerRow> petitioners = new ArrayList<>(List.of(new PetitionerRow()));
  private String persons;
  private String representatives;
  private String regionCode;
  private String subject;
  private String facts;
  private String request;
  private String reasons;
  private String evidence;
  private String category;
  private String topic;
  private List<AccusedRow> accused = new ArrayList<>(List.of(new AccusedRow()));
  private String repeatOf;
  private boolean litigationRelated;
  private boolean major;
  private boolean threatMade;
  private boolean foreignRelated;
  private boolean publicOnline;
  private VisitFields visit = new VisitFields();
  private LetterFields letter = new LetterFields();
  private PhoneFields phone = new PhoneFields();

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getReceivedOn() {
    return receivedOn;
  }

  public void setReceivedOn(String receivedOn) {
    this.receivedOn = receivedOn;
  }

  public String getReceivedBy() {
    return receivedBy;
  }

  public void setReceivedBy(String receivedBy) {
    this.receivedBy = receivedBy;
  }

  public String getExternalNumber() {
    return externalNumber;
  }

  public void setExternalNumber(String externalNumber) {
    this.externalNumber = externalNumber;
  }

  public String getAddressee() {
    return addressee;
  }

  public void setAddressee(String addressee) {
    this.addressee = addressee;
  }

  public List<PetitionerRow> getPetitioners() {
    return petitioners;
  }

  public void setPetitioners(List<PetitionerRow> petitioners) {
    this.petitioners = petitioners;
  }

  public String getPersons() {
    return persons;
  }

  public void setPersons(String persons) {
    this.persons = persons;
  }

  public String getRepresentatives() {
    return representatives;
  }

  public void setRepresentatives(String representatives) {
    this.representatives = representatives;
  }

  public String getRegionCode() {
    return regionCode;
  }

  public void setRegionCode(String regionCode) {
    this.regionCode = regionCode;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getFacts() {
    return facts;
  }

  public void setFacts(String facts) {
    this.facts = facts;
  }

  public String getRequest() {
    return request;
  }

  public void setRequest(String request) {
    this.request = request;
  }

  public String getReasons() {
    return reasons;
  }

  public void setReasons(String reasons) {
    this.reasons = reasons;
  }

  public String getEvidence() {
    return evidence;
  }

  public void setEvidence(String evidence) {
    this.evidence = evidence;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public List<AccusedRow> getAccused() {
    return accused;
  }

  public void setAccused(List<AccusedRow> accused) {
    this.accused = accused;
  }

  public String getRepeatOf() {
    return repeatOf;
  }

  public void setRepeatOf(String repeatOf) {
    this.repeatOf = repeatOf;
  }

  public boolean isLitigationRelated() {
    return litigationRelated;
  }

  public void setLitigationRelated(boolean litigationRelated) {
    this.litigationRelated = litigationRelated;
  }

  public boolean isMajor() {
    return major;
  }

  public void setMajor(boolean major) {
    this.major = major;
  }

  public boolean isThreatMade() {
    return threatMade;
  }

  public void setThreatMade(boolean threatMade) {
    this.threatMade = threatMade;
  }

  public boolean isForeignRelated() {
    return foreignRelated;
  }

  public void setForeignRelated(boolean foreignRelated) {
    this.foreignRelated = foreignRelated;
  }

  public boolean isPublicOnline() {
    return publicOnline;
  }

  public void setPublicOnline(boolean publicOnline) {
    this.publicOnline = publicOnline;
  }

  public VisitFields getVisit() {
    return visit;
  }

  public void setVisit(VisitFields visit) {
    this.visit = visit;
  }

  public LetterFields getLetter() {
    return letter;
  }

  public void setLetter(LetterFields letter) {
    this.letter = letter;
  }

  public PhoneFields getPhone() {
    return phone;
  }

  public void setPhone(PhoneFields phone) {
    this.phone = phone;
  }

  /** One petitioner (one row each, with a lead flag). */
  public static class PetitionerRow {
    private String name;
    private String sex;
    private String ethnicity;
    private String birthDate;
    private String idType;
    private String idNumber;
    private String phone;
    private String address;
    private String occupation;
    private boolean lead;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getSex() {
      return sex;
    }

    public void setSex(String sex) {
      this.sex = sex;
    }

    public String getEthnicity() {
      return ethnicity;
    }

    public void setEthnicity(String ethnicity) {
      this.ethnicity = ethnicity;
    }

    public String getBirthDate() {
      return birthDate;
    }

    public void setBirthDate(String birthDate) {
      this.birthDate = birthDate;
    }

    public String getIdType() {
      return idType;
    }

    public void setIdType(String idType) {
      this.idType = idType;
    }

    public String getIdNumber() {
      return idNumber;
    }

    public void setIdNumber(String idNumber) {
      this.idNumber = idNumber;
    }

    public String getPhone() {
      return phone;
    }

    public void setPhone(String phone) {
      this.phone = phone;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public String getOccupation() {
      return occupation;
    }

    public void setOccupation(String occupation) {
      this.occupation = occupation;
    }

    public boolean isLead() {
      return lead;
    }

    public void setLead(boolean lead) {
      this.lead = lead;
    }

    boolean isBlank() {
      return Params.blank(name)
          && Params.blank(sex)
          && Params.blank(ethnicity)
          && Params.blank(birthDate)
          && Params.blank(idType)
          && Params.blank(idNumber)
          && Params.blank(phone)
          && Params.blank(address)
          && Params.blank(occupation);
    }
  }

  /** A person or unit accused (检举控告类). */
  public static class AccusedRow {
    private String name;
    private String organisationId;
    private String post;
    private String rank;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getOrganisationId() {
      return organisationId;
    }

    public void setOrganisationId(String organisationId) {
      this.organisationId = organisationId;
    }

    public String getPost() {
      return post;
    }

    public void setPost(String post) {
      this.post = post;
    }

    public String getRank() {
      return rank;
    }

    public void setRank(String rank) {
      this.rank = rank;
    }

    boolean isBlank() {
      return Params.blank(name)
          && Params.blank(organisationId)
          && Params.blank(post)
          && Params.blank(rank);
    }
  }

  /** For visits: reception details. */
  public static class VisitFields {
    private String receptionTime;
    private String receptionWindow;
    private String receivingOfficer;
    private String materials;
    private String conversation;
    private String toldOnTheSpot;

    public String getReceptionTime() {
      return receptionTime;
    }

    public void setReceptionTime(String receptionTime) {
      this.receptionTime = receptionTime;
    }

    public String getReceptionWindow() {
      return receptionWindow;
    }

    public void setReceptionWindow(String receptionWindow) {
      this.receptionWindow = receptionWindow;
    }

    public String getReceivingOfficer() {
      return receivingOfficer;
    }

    public void setReceivingOfficer(String receivingOfficer) {
      this.receivingOfficer = receivingOfficer;
    }

    public String getMaterials() {
      return materials;
    }

    public void setMaterials(String materials) {
      this.materials = materials;
    }

    public String getConversation() {
      return conversation;
    }

    public void setConversation(String conversation) {
      this.conversation = conversation;
    }

    public String getToldOnTheSpot() {
      return toldOnTheSpot;
    }

    public void setToldOnTheSpot(String toldOnTheSpot) {
      this.toldOnTheSpot = toldOnTheSpot;
    }
  }

  /** For letters: postmark date and pages. */
  public static class LetterFields {
    private String postmarkDate;
    private String pages;

    public String getPostmarkDate() {
      return postmarkDate;
    }

    public void setPostmarkDate(String postmarkDate) {
      this.postmarkDate = postmarkDate;
    }

    public String getPages() {
      return pages;
    }

    public void setPages(String pages) {
      this.pages = pages;
    }
  }

  /** For phone calls: caller number, call time and summary. */
  public static class PhoneFields {
    private String callerNumber;
    private String callTime;
    private String summary;

    public String getCallerNumber() {
      return callerNumber;
    }

    public void setCallerNumber(String callerNumber) {
      this.callerNumber = callerNumber;
    }

    public String getCallTime() {
      return callTime;
    }

    public void setCallTime(String callTime) {
      this.callTime = callTime;
    }

    public String getSummary() {
      return summary;
    }

    public void setSummary(String summary) {
      this.summary = summary;
    }
  }
}
