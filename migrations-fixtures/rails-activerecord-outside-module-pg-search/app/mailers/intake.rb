class Intake
  def receive(mail)
    Ticket.create!(title: mail.subject, details: mail.body, assignee: mail.to.first)
    Article.create!(headline: mail.subject, teaser: mail.body)
    Label.create!(name: mail.subject, hue: 3)
  end
end
