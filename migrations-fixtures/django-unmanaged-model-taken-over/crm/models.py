from django.db import models


class Contact(models.Model):
    email = models.EmailField()


class Company(models.Model):
    name = models.CharField(max_length=100)


class CompanyContact(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE)
    role = models.CharField(max_length=40)
