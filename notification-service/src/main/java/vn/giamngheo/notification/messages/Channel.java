package vn.giamngheo.notification.messages;

/** How a message travels: SMS to households (through the SMS gateway), e-mail to officers (SMTP). */
public enum Channel {
    SMS, EMAIL
}
