from django.db import models


class Finding(models.Model):
    title = models.TextField()


class Vulnerability(models.Model):
    code = models.CharField(max_length=64)


class FindingReference(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE)
    vulnerability = models.ForeignKey(Vulnerability, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=("finding", "vulnerability"), name="unique_finding_vulnerability")]
