package com.acme.billing;

import jakarta.persistence.Entity;

@Entity
public class EmailReminder extends Reminder {
    private String address;
}
